package io.fieldlink.firmware.pump;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DispenserTest {
    final RecordingEvents ev = new RecordingEvents();

    Dispenser dispenser(int pulsesPerKg) {
        return new Dispenser(2, pulsesPerKg, 60_000, 10_000, ev, ev);
    }

    @Test
    void runStopsAtExactlyTheBookedGrams() {
        Dispenser d = dispenser(100); // 10 g per pulse
        assertThat(d.authorise(71, 5_000, 1_250_000, 1_000)).isTrue();
        assertThat(ev.valveOpen).isFalse();
        d.nozzle(true, 2_000);
        assertThat(ev.valveOpen).isTrue();
        long t = 2_000;
        while (d.state() == DispenseState.DISPENSING) {
            t += 100;
            d.pulses(7, t);
        }
        assertThat(ev.valveOpen).isFalse();
        long end = t;
        assertThat(ev.sales).singleElement().satisfies(s -> {
            assertThat(s.grams()).isEqualTo(5_000);
            assertThat(s.tokenId()).isEqualTo(71);
            assertThat(s.stopReason()).isEqualTo(StopReason.LIMIT);
            assertThat(s.amountMilli()).isEqualTo(6_250_000);
            assertThat(s.startMs()).isEqualTo(1_000);
            assertThat(s.endMs()).isEqualTo(end);
        });
        assertThat(ev.other).singleElement().isEqualTo("unauthorisedFlow 4"); // 500 = 71*7 + 3: 4 left in the last batch
    }

    @Test
    void fractionalPulsesStillStopExactlyWhenTheLimitIsAPulseBoundary() {
        Dispenser d = dispenser(300); // 3.333 g per pulse: 300 pulses = 1000 g exactly
        d.authorise(1, 1_000, 1_000_000, 0);
        d.nozzle(true, 0);
        for (int i = 0; i < 400 && d.state() == DispenseState.DISPENSING; i++) {
            d.pulses(1, i);
        }
        assertThat(ev.sales.get(0).grams()).isEqualTo(1_000);
    }

    @Test
    void neverExceedsALimitBetweenPulseBoundaries() {
        Dispenser d = dispenser(300);
        d.authorise(1, 1_002, 1_000_000, 0);
        d.nozzle(true, 0);
        d.pulses(1_000, 1);
        assertThat(ev.sales.get(0).grams()).isEqualTo(1_000);
        assertThat(ev.sales.get(0).stopReason()).isEqualTo(StopReason.LIMIT);
    }

    @Test
    void limitBelowOnePulseNeverOpensTheValve() {
        Dispenser d = dispenser(50); // 20 g per pulse
        d.authorise(1, 10, 1_000_000, 0);
        d.nozzle(true, 0);
        assertThat(ev.valveOpenings).isZero();
        assertThat(ev.sales.get(0).grams()).isZero();
    }

    @Test
    void hangUpEndsTheFill() {
        Dispenser d = dispenser(100);
        d.authorise(Sale.WALK_IN, 20_000, 1_000_000, 0);
        d.nozzle(true, 0);
        d.pulses(123, 500);
        d.nozzle(false, 900);
        assertThat(ev.valveOpen).isFalse();
        assertThat(ev.sales).singleElement().satisfies(s -> {
            assertThat(s.walkIn()).isTrue();
            assertThat(s.grams()).isEqualTo(1_230);
            assertThat(s.stopReason()).isEqualTo(StopReason.HANG_UP);
        });
    }

    @Test
    void noFlowTimeoutEndsTheFill() {
        Dispenser d = dispenser(100);
        d.authorise(2, 20_000, 1, 0);
        d.nozzle(true, 0);
        d.pulses(5, 1_000);
        d.tick(10_999);
        assertThat(d.state()).isEqualTo(DispenseState.DISPENSING);
        d.tick(11_000);
        assertThat(ev.sales.get(0).stopReason()).isEqualTo(StopReason.NO_FLOW);
        assertThat(ev.valveOpen).isFalse();
    }

    @Test
    void bookedFillNeverStartedIsReportedWithZeroGrams() {
        Dispenser d = dispenser(100);
        d.authorise(3, 20_000, 1, 0);
        d.tick(60_000);
        assertThat(ev.sales).singleElement().satisfies(s -> {
            assertThat(s.grams()).isZero();
            assertThat(s.stopReason()).isEqualTo(StopReason.NOT_STARTED);
        });
        assertThat(ev.valveOpenings).isZero();
    }

    @Test
    void pulsesWhileIdleAreUnauthorisedFlow() {
        dispenser(100).pulses(3, 0);
        assertThat(ev.other).containsExactly("unauthorisedFlow 3");
        assertThat(ev.sales).isEmpty();
    }

    @Test
    void busyDispenserRefusesASecondAuthorisation() {
        Dispenser d = dispenser(100);
        assertThat(d.authorise(4, 100, 1, 0)).isTrue();
        assertThat(d.authorise(5, 100, 1, 0)).isFalse();
    }
}
