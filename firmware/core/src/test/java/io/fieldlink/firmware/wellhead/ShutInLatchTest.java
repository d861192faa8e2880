package io.fieldlink.firmware.wellhead;

import static io.fieldlink.firmware.wellhead.PinAuthority.console;
import static io.fieldlink.firmware.wellhead.PinAuthority.host;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShutInLatchTest {
    static final long PSL = 2_000;
    static final long PSH = 9_000;
    final RecordingWellEvents ev = new RecordingWellEvents();
    final ShutInLatch latch = new ShutInLatch(PSL, PSH, 3_000, ev, new PinAuthority(), ev, false);

    /** Ramps 6000 → 10000 kPa by 500 a second, then holds 10000. PSH (9000) is reached at t = 6 s. */
    long rampUp() {
        long t = 0;
        for (long p = 6_000; p <= 10_000; p += 500, t += 1_000) {
            latch.evaluate(p, true, t);
        }
        latch.evaluate(10_000, true, t); // t = 9 s: PSH held 3 s
        return t;
    }

    @Test
    void pressureRampTripsAfterTheDebounceAndLatches() {
        assertThat(ev.valveOpen).isFalse(); // closed until the first healthy in-range sample
        latch.evaluate(6_000, true, 0);
        assertThat(ev.valveOpen).isTrue();
        long t = rampUp();
        assertThat(latch.latched()).isTrue();
        assertThat(ev.valveOpen).isFalse();
        assertThat(ev.starting("shutIn")).containsExactly("shutIn PSH 10000 @9000");

        latch.evaluate(5_000, true, t + 1_000); // condition clears: still latched, valve stays shut
        assertThat(latch.latched()).isTrue();
        assertThat(ev.valveOpen).isFalse();
    }

    @Test
    void unauthorisedResetIsRefused() {
        long t = rampUp();
        latch.evaluate(5_000, true, t + 1_000);
        assertThat(latch.reset(console("tech7", "0000"), t + 2_000)).isEqualTo(ResetOutcome.REFUSED_UNAUTHORISED);
        assertThat(latch.reset(console("intruder", "4711"), t + 2_000)).isEqualTo(ResetOutcome.REFUSED_UNAUTHORISED);
        assertThat(latch.reset(host("host-1", "forged"), t + 2_000)).isEqualTo(ResetOutcome.REFUSED_UNAUTHORISED);
        assertThat(latch.latched()).isTrue();
        assertThat(ev.valveOpen).isFalse();
    }

    @Test
    void authorisedResetWhileTheConditionHoldsIsRefused() {
        long t = rampUp();
        assertThat(latch.reset(console("tech7", "4711"), t + 1)).isEqualTo(ResetOutcome.REFUSED_CONDITION_PRESENT);
        latch.evaluate(PSH, true, t + 2); // at the limit still counts as present
        assertThat(latch.reset(console("tech7", "4711"), t + 3)).isEqualTo(ResetOutcome.REFUSED_CONDITION_PRESENT);
        latch.evaluate(5_000, false, t + 4); // sensor faulty: cannot prove it cleared
        assertThat(latch.reset(console("tech7", "4711"), t + 5)).isEqualTo(ResetOutcome.REFUSED_CONDITION_PRESENT);
        assertThat(ev.valveOpen).isFalse();
    }

    @Test
    void authorisedResetAfterClearingReopens() {
        long t = rampUp();
        latch.evaluate(5_000, true, t + 1_000);
        assertThat(latch.reset(console("tech7", "4711"), t + 2_000)).isEqualTo(ResetOutcome.RESET);
        assertThat(latch.latched()).isFalse();
        assertThat(ev.valveOpen).isTrue();
        assertThat(ev.starting("reset")).containsExactly("reset RESET CONSOLE tech7 @11000");
        assertThat(latch.reset(console("tech7", "4711"), t + 3_000)).isEqualTo(ResetOutcome.NOT_LATCHED);
    }

    @Test
    void signedHostResetAlsoReopens() {
        long t = rampUp();
        latch.evaluate(5_000, true, t + 1_000);
        assertThat(latch.reset(host("host-1", "signed"), t + 2_000)).isEqualTo(ResetOutcome.RESET);
        assertThat(ev.valveOpen).isTrue();
    }

    @Test
    void lowPressureTripsToo() {
        latch.evaluate(5_000, true, 0);
        latch.evaluate(2_000, true, 1_000);
        latch.evaluate(1_500, true, 3_999);
        assertThat(latch.latched()).isFalse();
        latch.evaluate(1_500, true, 4_000);
        assertThat(ev.starting("shutIn")).containsExactly("shutIn PSL 1500 @4000");
    }

    @Test
    void aSpikeShorterThanTheDebounceDoesNotTrip() {
        latch.evaluate(5_000, true, 0);
        latch.evaluate(9_500, true, 1_000);
        latch.evaluate(9_500, true, 3_999);
        latch.evaluate(5_000, true, 4_000);
        latch.evaluate(9_500, true, 5_000);
        latch.evaluate(9_500, true, 7_999);
        assertThat(latch.latched()).isFalse();
        assertThat(ev.valveOpen).isTrue();
    }

    @Test
    void latchRestoredAtBootKeepsTheValveShut() {
        RecordingWellEvents e = new RecordingWellEvents();
        ShutInLatch restored = new ShutInLatch(PSL, PSH, 3_000, e, new PinAuthority(), e, true);
        restored.evaluate(5_000, true, 0);
        assertThat(e.valveOpen).isFalse();
        assertThat(restored.reset(console("tech7", "4711"), 1)).isEqualTo(ResetOutcome.RESET);
        assertThat(e.valveOpen).isTrue();
    }
}
