package io.fieldlink.firmware.meter;

/**
 * A time-of-use tariff: a price in milli-units per kWh for every local hour of the week, set by
 * bands (days, from-hour, to-hour, price; a later band overrides an earlier one where they overlap),
 * and an optional daily fixed charge in milli-units. Immutable; price look-up is allocation-free.
 *
 * <p>Compact, because every meter holds its current tariff and up to
 * {@link TariffSchedule#MAX_PENDING} scheduled ones: each band is packed in one {@code long}
 * (day mask 7 bits, from-hour 5, to-hour 5, price 30), and a price look-up walks the bands from the
 * last (at most {@link #MAX_BANDS}) instead of keeping a 168-hour table.
 */
public final class Tariff {

    /** Most bands one tariff may have. */
    public static final int MAX_BANDS = 16;
    /** Highest price accepted, in milli-units per kWh. */
    public static final long MAX_PRICE = 1000000000L;

    private static final int FROM_SHIFT = 7;
    private static final int TO_SHIFT = 12;
    private static final int PRICE_SHIFT = 17;

    private final int id;
    private final long dailyFixedCharge;
    private final long[] bands;

    private Tariff(Builder b) {
        this.id = b.id;
        this.dailyFixedCharge = b.dailyFixedCharge;
        this.bands = new long[b.count];
        for (int i = 0; i < b.count; i++) {
            bands[i] = b.days[i] | ((long) b.from[i] << FROM_SHIFT) | ((long) b.to[i] << TO_SHIFT)
                    | (b.price[i] << PRICE_SHIFT);
        }
    }

    /**
     * A builder for a tariff with the host's id for it.
     *
     * @param id the tariff id assigned by the host (reported in events)
     */
    public static Builder builder(int id) {
        return new Builder(id);
    }

    /** The host's id for this tariff. */
    public int id() {
        return id;
    }

    /** Fixed charge per local day, in milli-units (0 for none). */
    public long dailyFixedCharge() {
        return dailyFixedCharge;
    }

    /** The price in force at an instant, in milli-units per kWh. */
    public long priceAt(long epochMillis, int utcOffsetSeconds) {
        return priceAtHourOfWeek(WeekClock.hourOfWeek(epochMillis, utcOffsetSeconds));
    }

    /** The price for an hour of the week (0..167), in milli-units per kWh. */
    public long priceAtHourOfWeek(int hourOfWeek) {
        int dayBit = 1 << (hourOfWeek / 24);
        long hour = hourOfWeek % 24;
        for (int i = bands.length - 1; i >= 0; i--) {
            long b = bands[i];
            if ((b & dayBit) != 0 && hour >= ((b >>> FROM_SHIFT) & 31) && hour < ((b >>> TO_SHIFT) & 31)) {
                return b >>> PRICE_SHIFT;
            }
        }
        throw new IllegalStateException("tariff " + id + ": hour of week " + hourOfWeek + " not priced");
    }

    /** Number of bands. */
    public int bandCount() {
        return bands.length;
    }

    /** Day mask of band {@code i} (bit 0 = Monday). */
    public int bandDays(int i) {
        return (int) (bands[i] & 127);
    }

    /** First hour of band {@code i}, inclusive. */
    public int bandFromHour(int i) {
        return (int) ((bands[i] >>> FROM_SHIFT) & 31);
    }

    /** Last hour of band {@code i}, exclusive. */
    public int bandToHour(int i) {
        return (int) ((bands[i] >>> TO_SHIFT) & 31);
    }

    /** Price of band {@code i}, milli-units per kWh. */
    public long bandPrice(int i) {
        return bands[i] >>> PRICE_SHIFT;
    }

    /** Builds a tariff; {@link #build()} requires every hour of the week to be priced. */
    public static final class Builder {
        private final int id;
        private long dailyFixedCharge;
        private int count;
        private final int[] days = new int[MAX_BANDS];
        private final int[] from = new int[MAX_BANDS];
        private final int[] to = new int[MAX_BANDS];
        private final long[] price = new long[MAX_BANDS];
        private final boolean[] covered = new boolean[WeekClock.HOURS_PER_WEEK];

        private Builder(int id) {
            this.id = id;
        }

        /**
         * Prices hours {@code fromHour} (inclusive) to {@code toHour} (exclusive, 1..24) on the days of
         * {@code dayMask} (bit 0 = Monday, see {@link WeekMask}).
         *
         * @throws IllegalArgumentException if a value is out of range or there are too many bands
         */
        public Builder band(int dayMask, int fromHour, int toHour, long pricePerKwh) {
            if (count == MAX_BANDS) {
                throw new IllegalArgumentException("tariff " + id + ": more than " + MAX_BANDS + " bands");
            }
            if (dayMask <= 0 || dayMask > WeekMask.EVERY_DAY) {
                throw new IllegalArgumentException("tariff " + id + ": band day mask out of range: " + dayMask);
            }
            if (fromHour < 0 || toHour > 24 || fromHour >= toHour) {
                throw new IllegalArgumentException("tariff " + id + ": band hours out of range: "
                        + fromHour + "-" + toHour);
            }
            if (pricePerKwh < 0 || pricePerKwh > MAX_PRICE) {
                throw new IllegalArgumentException("tariff " + id + ": band price out of range: " + pricePerKwh);
            }
            days[count] = dayMask;
            from[count] = fromHour;
            to[count] = toHour;
            price[count] = pricePerKwh;
            count++;
            for (int d = 0; d < 7; d++) {
                if ((dayMask & (1 << d)) == 0) {
                    continue;
                }
                for (int h = fromHour; h < toHour; h++) {
                    covered[d * 24 + h] = true;
                }
            }
            return this;
        }

        /**
         * Sets the fixed charge per local day.
         *
         * @throws IllegalArgumentException if negative or above {@link #MAX_PRICE}
         */
        public Builder dailyFixedCharge(long milliUnits) {
            if (milliUnits < 0 || milliUnits > MAX_PRICE) {
                throw new IllegalArgumentException("tariff " + id + ": daily fixed charge out of range: "
                        + milliUnits);
            }
            this.dailyFixedCharge = milliUnits;
            return this;
        }

        /**
         * The tariff.
         *
         * @throws IllegalStateException naming the first hour of the week no band prices
         */
        public Tariff build() {
            for (int i = 0; i < covered.length; i++) {
                if (!covered[i]) {
                    throw new IllegalStateException("tariff " + id + ": no band prices weekday " + (i / 24)
                            + " hour " + (i % 24));
                }
            }
            return new Tariff(this);
        }
    }
}
