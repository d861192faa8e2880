package io.fieldlink.firmware.pump;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MassCounterTest {
    @Test
    void carriesTheRemainderSoNoGramIsLost() {
        MassCounter c = new MassCounter(300);
        for (int n = 1; n <= 10_000; n++) {
            long next = c.gramsAfterNextPulse();
            c.pulse();
            assertThat(c.grams()).isEqualTo(n * 1000L / 300).isEqualTo(next);
        }
        assertThat(c.pulses()).isEqualTo(10_000);
    }
}
