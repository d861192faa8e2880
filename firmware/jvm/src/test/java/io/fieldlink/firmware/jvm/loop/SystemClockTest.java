package io.fieldlink.firmware.jvm.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Verifies the JVM clock: unknown wall time by default, the OS clock's when trusted, and the hello's correction. */
class SystemClockTest {
    @Test
    void aPlainClockKnowsNoWallTimeUntilItIsSet() {
        SystemClock clock = new SystemClock();
        assertThat(clock.wallTimeKnown()).isFalse();
        clock.setWallMillis(1_700_000_000_000L);
        assertThat(clock.wallTimeKnown()).isTrue();
        assertThat(clock.wallMillis()).isGreaterThanOrEqualTo(1_700_000_000_000L);
    }

    @Test
    void aClockTrustingTheOsKnowsTheWallTimeAtBootAndTheHelloStillCorrectsIt() {
        long before = System.currentTimeMillis();
        SystemClock clock = SystemClock.trustingOsClock();
        long after = System.currentTimeMillis();
        assertThat(clock.wallTimeKnown()).isTrue();
        assertThat(clock.wallMillis()).isBetween(before, after + clock.monotonicMillis() + 1);

        clock.setWallMillis(before - 3_600_000L);
        assertThat(clock.wallMillis()).isLessThan(before);
    }
}
