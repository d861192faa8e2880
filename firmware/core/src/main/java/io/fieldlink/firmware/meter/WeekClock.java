package io.fieldlink.firmware.meter;

/**
 * Local calendar arithmetic for tariffs and friendly-credit periods: day numbers, weekdays and the
 * hour of the week, from UTC epoch milliseconds and a fixed offset. Weekdays run Monday = 0 to
 * Sunday = 6; the hour of the week is {@code weekday * 24 + hour} (0..167). Allocation-free.
 */
public final class WeekClock {

    /** Hours in a week. */
    public static final int HOURS_PER_WEEK = 168;
    private static final long MILLIS_PER_DAY = 86400000L;

    private WeekClock() {
    }

    /** Local day number (days since 1970-01-01 local) of an instant. */
    public static long day(long epochMillis, int utcOffsetSeconds) {
        return floorDiv(local(epochMillis, utcOffsetSeconds), MILLIS_PER_DAY);
    }

    /** Local weekday, Monday = 0 .. Sunday = 6. */
    public static int weekday(long epochMillis, int utcOffsetSeconds) {
        return (int) floorMod(day(epochMillis, utcOffsetSeconds) + 3, 7);
    }

    /** Local hour of the day, 0..23. */
    public static int hour(long epochMillis, int utcOffsetSeconds) {
        return (int) (floorMod(local(epochMillis, utcOffsetSeconds), MILLIS_PER_DAY) / 3600000L);
    }

    /** Local hour of the week, 0..167 (Monday 00:00-01:00 is 0). */
    public static int hourOfWeek(long epochMillis, int utcOffsetSeconds) {
        return weekday(epochMillis, utcOffsetSeconds) * 24 + hour(epochMillis, utcOffsetSeconds);
    }

    private static long local(long epochMillis, int utcOffsetSeconds) {
        return epochMillis + utcOffsetSeconds * 1000L;
    }

    static long floorDiv(long a, long b) {
        long q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

    static long floorMod(long a, long b) {
        return a - floorDiv(a, b) * b;
    }
}
