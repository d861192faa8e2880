package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import org.junit.jupiter.api.Test;

class AlarmBankTest {
    final RecordingWellEvents ev = new RecordingWellEvents();

    AlarmBank bank(long debounceMs) {
        ChannelSpec c = ChannelSpec.builder("p").registers(RegisterKind.INPUT, 1, 0).limits(100, 200, 800, 900)
                .hysteresis(50).debounceMs(debounceMs).build();
        return new AlarmBank(new ChannelSpec[] {c}, ev);
    }

    @Test
    void highAlarmNeedsTheDebounceAndClearsOnlyPastTheHysteresis() {
        AlarmBank b = bank(3_000);
        b.update(0, 500, 0);
        b.update(0, 810, 1_000); // H pending from 1 s
        b.update(0, 820, 3_000);
        assertThat(b.active(0, AlarmLevel.H)).isFalse();
        b.update(0, 805, 4_000); // held 3 s
        assertThat(b.active(0, AlarmLevel.H)).isTrue();
        b.update(0, 760, 5_000); // below limit but inside hysteresis: stays
        b.update(0, 760, 9_000);
        assertThat(b.active(0, AlarmLevel.H)).isTrue();
        b.update(0, 740, 10_000); // clear pending
        b.update(0, 790, 12_000); // back inside hysteresis: clear debounce restarts
        b.update(0, 700, 13_000);
        b.update(0, 700, 15_999);
        assertThat(b.active(0, AlarmLevel.H)).isTrue();
        b.update(0, 700, 16_000);
        assertThat(b.active(0, AlarmLevel.H)).isFalse();
        assertThat(ev.lines).containsExactly("alarm 0 H on 805 @4000", "alarm 0 H off 700 @16000");
    }

    @Test
    void aBlipShorterThanTheDebounceRaisesNothing() {
        AlarmBank b = bank(2_000);
        b.update(0, 950, 0);
        b.update(0, 950, 1_999);
        b.update(0, 500, 2_000);
        b.update(0, 950, 2_500);
        assertThat(ev.lines).isEmpty();
    }

    @Test
    void lowLevelsMirrorHighOnesAndStack() {
        AlarmBank b = bank(0);
        b.update(0, 150, 0);
        b.update(0, 90, 1);
        b.update(0, 240, 2); // L clears only above 250; LL above 150
        b.update(0, 260, 3);
        assertThat(ev.lines).containsExactly("alarm 0 L on 150 @0", "alarm 0 LL on 90 @1", "alarm 0 LL off 240 @2",
                "alarm 0 L off 260 @3");
    }

    @Test
    void interruptedPendingRaiseStartsOver() {
        AlarmBank b = bank(2_000);
        b.update(0, 950, 0);
        b.interrupt(0);
        b.update(0, 950, 2_000);
        assertThat(ev.lines).isEmpty();
        b.update(0, 950, 4_000);
        assertThat(ev.lines).containsExactly("alarm 0 HH on 950 @4000", "alarm 0 H on 950 @4000");
    }
}
