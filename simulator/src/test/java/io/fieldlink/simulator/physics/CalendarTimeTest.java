package io.fieldlink.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalendarTimeTest {
    @Test
    void theArithmeticGivesWhatJavaTimeGives() {
        Random r = new Random(7);
        ZoneOffset[] zones = {ZoneOffset.UTC, ZoneOffset.ofHours(3), ZoneOffset.ofHoursMinutes(-9, -30),
            ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12)};
        for (int i = 0; i < 200_000; i++) {
            // 1900 to 2200, both sides of the epoch, leap years and year ends included
            long millis = -2_208_988_800_000L + (long) (r.nextDouble() * 9_467_280_000_000L);
            if (i % 4 == 0) {
                millis = millis / 86_400_000L * 86_400_000L - r.nextInt(2); // midnight and a millisecond before
            }
            ZoneOffset zone = zones[i % zones.length];
            ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(zone);
            CalendarTime c = CalendarTime.of(millis, zone);
            assertThat(c.hourOfDay()).as("%d %s", millis, zone)
                    .isEqualTo(t.getHour() + t.getMinute() / 60.0 + t.getSecond() / 3600.0);
            assertThat(c.dayOfWeek()).as("%d %s", millis, zone).isEqualTo(t.getDayOfWeek().getValue());
            assertThat(c.dayOfYear()).as("%d %s", millis, zone).isEqualTo(t.getDayOfYear());
        }
    }
}
