package io.fieldlink.firmware.meter;

/**
 * A set of hours of the week (see {@link WeekClock}), e.g. friendly-credit periods. Immutable;
 * built with {@link #builder()}.
 */
public final class WeekMask {

    /** Weekday bit for Monday in a day mask; Tuesday is {@code MONDAY << 1}, and so on. */
    public static final int MONDAY = 1;
    /** Day mask for Saturday and Sunday. */
    public static final int WEEKEND = 0x60;
    /** Day mask for Monday to Friday. */
    public static final int WEEKDAYS = 0x1F;
    /** Day mask for every day. */
    public static final int EVERY_DAY = 0x7F;

    private static final WeekMask EMPTY = new WeekMask(new int[7]);

    private final int[] hoursByDay;

    private WeekMask(int[] hoursByDay) {
        this.hoursByDay = hoursByDay;
    }

    /** The mask with no hours. */
    public static WeekMask none() {
        return EMPTY;
    }

    /** A builder for a mask. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the instant falls in the mask, in local time. Allocation-free. */
    public boolean contains(long epochMillis, int utcOffsetSeconds) {
        int d = WeekClock.weekday(epochMillis, utcOffsetSeconds);
        int h = WeekClock.hour(epochMillis, utcOffsetSeconds);
        return (hoursByDay[d] & (1 << h)) != 0;
    }

    /** The 24-bit hour mask of a weekday (bit h = hour h). */
    public int hoursOf(int weekday) {
        return hoursByDay[weekday];
    }

    /** Adds hours to a mask. */
    public static final class Builder {
        private final int[] hours = new int[7];

        /**
         * Adds hours {@code fromHour} (inclusive) to {@code toHour} (exclusive, 1..24) on the days of
         * {@code dayMask}.
         *
         * @throws IllegalArgumentException if the hours or days are out of range or empty
         */
        public Builder hours(int dayMask, int fromHour, int toHour) {
            if (dayMask <= 0 || dayMask > EVERY_DAY) {
                throw new IllegalArgumentException("day mask out of range: " + dayMask);
            }
            if (fromHour < 0 || toHour > 24 || fromHour >= toHour) {
                throw new IllegalArgumentException("hours out of range: " + fromHour + "-" + toHour);
            }
            int bits = (int) (((1L << toHour) - 1) & ~((1L << fromHour) - 1));
            for (int d = 0; d < 7; d++) {
                if ((dayMask & (1 << d)) != 0) {
                    hours[d] |= bits;
                }
            }
            return this;
        }

        /** The mask. */
        public WeekMask build() {
            return new WeekMask(hours.clone());
        }
    }
}
