package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TariffScheduleTest {

    @Test
    void changesTakeEffectInTimeOrder() {
        TariffSchedule s = new TariffSchedule(TariffTest.threeBand(1), 0);
        s.schedule(TariffTest.threeBand(3), 3000);
        s.schedule(TariffTest.threeBand(2), 2000);
        assertThat(s.advance(1999)).isFalse();
        assertThat(s.current().id()).isEqualTo(1);
        assertThat(s.advance(2000)).isTrue();
        assertThat(s.current().id()).isEqualTo(2);
        assertThat(s.advance(5000)).isTrue();
        assertThat(s.current().id()).isEqualTo(3);
        assertThat(s.currentFrom()).isEqualTo(3000);
        assertThat(s.pendingCount()).isZero();
    }

    @Test
    void refusesWhenFullAndReplacesSameInstant() {
        TariffSchedule s = new TariffSchedule(TariffTest.threeBand(1), 0);
        for (int i = 0; i < TariffSchedule.MAX_PENDING; i++) {
            assertThat(s.schedule(TariffTest.threeBand(10 + i), 1000 + i)).isTrue();
        }
        assertThat(s.schedule(TariffTest.threeBand(99), 9999)).isFalse();
        assertThat(s.schedule(TariffTest.threeBand(98), 1000)).isTrue();
        assertThat(s.pending(0).id()).isEqualTo(98);
    }
}
