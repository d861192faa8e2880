package io.fieldlink.simulator.physics;

import java.time.ZoneOffset;

/** Hour of day, day of week and day of year of a simulated instant, in the fleet's time zone (UTC offset). */
record CalendarTime(double hourOfDay, int dayOfWeek, int dayOfYear) {
    private static final long DAY_MILLIS = 86_400_000L;

    /**
     * The same fields as {@code Instant.ofEpochMilli(epochMillis).atZone(zone)} would give, by arithmetic
     * on the fixed offset (no zone rules to look up: this runs for every sample of every meter).
     */
    static CalendarTime of(long epochMillis, ZoneOffset zone) {
        long local = epochMillis + zone.getTotalSeconds() * 1000L;
        long epochDay = Math.floorDiv(local, DAY_MILLIS);
        int secondOfDay = (int) (Math.floorMod(local, DAY_MILLIS) / 1000L);
        int hour = secondOfDay / 3600;
        int minute = secondOfDay / 60 % 60;
        int second = secondOfDay % 60;
        double hourOfDay = hour + minute / 60.0 + second / 3600.0;
        int dayOfWeek = (int) Math.floorMod(epochDay + 3, 7L) + 1; // 1970-01-01 was a Thursday (4)
        return new CalendarTime(hourOfDay, dayOfWeek, dayOfYear(epochDay));
    }

    /** {@code LocalDate.ofEpochDay(epochDay).getDayOfYear()} without the object (days from 1 March, as java.time counts them). */
    static int dayOfYear(long epochDay) {
        long z = epochDay + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long fromMarch = doe - (365 * yoe + yoe / 4 - yoe / 100);
        if (fromMarch >= 306) {
            return (int) (fromMarch - 306 + 1); // January, February of the next year
        }
        long year = yoe + era * 400;
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return (int) (fromMarch + 60 + (leap ? 1 : 0));
    }

    boolean weekend() {
        return dayOfWeek >= 6;
    }
}
