package io.fieldlink.simulator.physics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Hour of day, day of week and day of year of a simulated instant, in the fleet's time zone (UTC offset). */
record CalendarTime(double hourOfDay, int dayOfWeek, int dayOfYear) {
    static CalendarTime of(long epochMillis, ZoneOffset zone) {
        ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(zone);
        double hour = t.getHour() + t.getMinute() / 60.0 + t.getSecond() / 3600.0;
        return new CalendarTime(hour, t.getDayOfWeek().getValue(), t.getDayOfYear());
    }

    boolean weekend() {
        return dayOfWeek >= 6;
    }
}
