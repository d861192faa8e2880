package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeekClockTest {

    /** Verifies weekday, hour and day number against java.time for random instants and offsets, before and after 1970. */
    @Test
    void agreesWithJavaTime() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long ms = rnd.nextLong(-5_000_000_000_000L, 5_000_000_000_000L);
            int offset = (rnd.nextInt(-48, 57)) * 900;
            ZonedDateTime t = Instant.ofEpochMilli(ms).atOffset(ZoneOffset.ofTotalSeconds(offset)).toZonedDateTime();
            assertThat(WeekClock.weekday(ms, offset)).isEqualTo(t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
            assertThat(WeekClock.hour(ms, offset)).isEqualTo(t.getHour());
            assertThat(WeekClock.day(ms, offset)).isEqualTo(t.toLocalDate().toEpochDay());
        }
    }

    @Test
    void mondayMidnightIsHourZero() {
        long monday = Instant.parse("2026-11-16T00:00:00Z").toEpochMilli();
        assertThat(WeekClock.hourOfWeek(monday, 0)).isZero();
        assertThat(WeekClock.hourOfWeek(monday - 1, 0)).isEqualTo(167);
    }
}
