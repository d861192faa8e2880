package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WeekMaskTest {

    private static final long SATURDAY_NOON = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    private static final long MONDAY_NOON = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();
    private static final long MONDAY_2330 = Instant.parse("2026-11-23T23:30:00Z").toEpochMilli();

    @Test
    void weekendsAndNightsAreFriendly() {
        WeekMask m = WeekMask.builder().hours(WeekMask.WEEKEND, 0, 24).hours(WeekMask.EVERY_DAY, 22, 24).build();
        assertThat(m.contains(SATURDAY_NOON, 0)).isTrue();
        assertThat(m.contains(MONDAY_NOON, 0)).isFalse();
        assertThat(m.contains(MONDAY_2330, 0)).isTrue();
        assertThat(m.contains(MONDAY_2330, 3600)).isFalse();
    }

    @Test
    void rejectsEmptyHours() {
        assertThatThrownBy(() -> WeekMask.builder().hours(WeekMask.MONDAY, 5, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5-5");
    }
}
