package io.fieldlink.host.prediction.runway;

import java.util.Arrays;

/**
 * A time-of-use tariff as the meter holds it: a price per kWh (milli-units) for each hour of the
 * local day, written like the meter's {@code tariff_bands} config,
 * {@code 00:00-06:00=90,06:00-17:00=150,17:00-22:00=240,22:00-24:00=150}. Bands start and end on
 * whole hours and cover the day exactly once. Immutable and thread-safe.
 */
public final class TariffBands {
    private final long[] pricePerKwhMilli;

    private TariffBands(long[] pricePerKwhMilli) {
        this.pricePerKwhMilli = pricePerKwhMilli;
    }

    /** @return one price for every hour */
    public static TariffBands flat(long pricePerKwhMilli) {
        long[] p = new long[24];
        Arrays.fill(p, pricePerKwhMilli);
        return new TariffBands(p);
    }

    /**
     * @param pricesPerKwhMilli 24 prices, milli-units per kWh, one for each hour of the day
     * @throws IllegalArgumentException unless there are 24 non-negative prices
     */
    public static TariffBands hourly(long[] pricesPerKwhMilli) {
        if (pricesPerKwhMilli.length != 24) {
            throw new IllegalArgumentException("tariff: 24 hourly prices needed, got " + pricesPerKwhMilli.length);
        }
        for (int h = 0; h < 24; h++) {
            if (pricesPerKwhMilli[h] < 0) {
                throw new IllegalArgumentException("tariff: hour " + h + " has a negative price");
            }
        }
        return new TariffBands(pricesPerKwhMilli.clone());
    }

    /**
     * Reads these bands as hours of the UTC day and gives them as hours of a local day: local hour h
     * takes the price in force at its start ({@code h:00} local). With an offset that is not whole
     * hours a local hour can straddle two UTC bands; it is priced at the band it starts in.
     *
     * @param utcOffsetMinutes the site's offset from UTC
     * @return the same tariff indexed by local hour
     */
    public TariffBands atUtcOffset(int utcOffsetMinutes) {
        long[] p = new long[24];
        for (int h = 0; h < 24; h++) {
            int utcMinute = Math.floorMod(h * 60 - utcOffsetMinutes, 1440);
            p[h] = pricePerKwhMilli[utcMinute / 60];
        }
        return new TariffBands(p);
    }

    /** @return the bands in the {@code tariff_bands} syntax, equal neighbouring hours merged */
    public String text() {
        StringBuilder b = new StringBuilder();
        int start = 0;
        for (int h = 1; h <= 24; h++) {
            if (h == 24 || pricePerKwhMilli[h] != pricePerKwhMilli[start]) {
                if (b.length() > 0) {
                    b.append(',');
                }
                b.append(hh(start)).append('-').append(hh(h)).append('=').append(pricePerKwhMilli[start]);
                start = h;
            }
        }
        return b.toString();
    }

    private static String hh(int hour) {
        return (hour < 10 ? "0" : "") + hour + ":00";
    }

    /**
     * @throws IllegalArgumentException naming the band that is malformed, not on whole hours,
     *     overlapping, negative, or the first hour left uncovered
     */
    public static TariffBands parse(String text) {
        long[] p = new long[24];
        Arrays.fill(p, -1);
        for (String band : text.split(",")) {
            String b = band.trim();
            int dash = b.indexOf('-');
            int eq = b.indexOf('=');
            if (dash < 0 || eq < dash) {
                throw new IllegalArgumentException("tariff band '" + b + "': expected HH:00-HH:00=price");
            }
            int from = hour(b, b.substring(0, dash));
            int to = hour(b, b.substring(dash + 1, eq));
            long price;
            try {
                price = Long.parseLong(b.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tariff band '" + b + "': price is not an integer");
            }
            if (price < 0 || from >= to) {
                throw new IllegalArgumentException("tariff band '" + b + "': needs start < end and a non-negative price");
            }
            for (int h = from; h < to; h++) {
                if (p[h] >= 0) {
                    throw new IllegalArgumentException("tariff band '" + b + "': overlaps hour " + h);
                }
                p[h] = price;
            }
        }
        for (int h = 0; h < 24; h++) {
            if (p[h] < 0) {
                throw new IllegalArgumentException("tariff bands leave hour " + h + " uncovered");
            }
        }
        return new TariffBands(p);
    }

    private static int hour(String band, String hhmm) {
        String s = hhmm.trim();
        if (s.length() != 5 || s.charAt(2) != ':' || !s.endsWith(":00")) {
            throw new IllegalArgumentException("tariff band '" + band + "': times must be whole hours HH:00");
        }
        try {
            int h = Integer.parseInt(s.substring(0, 2));
            if (h < 0 || h > 24) {
                throw new IllegalArgumentException("tariff band '" + band + "': hour " + h + " out of range");
            }
            return h;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tariff band '" + band + "': hour is not a number");
        }
    }

    /** @return price per kWh in milli-units during local hour {@code hour} (0..23) */
    public long pricePerKwhMilli(int hour) {
        return pricePerKwhMilli[hour];
    }
}
