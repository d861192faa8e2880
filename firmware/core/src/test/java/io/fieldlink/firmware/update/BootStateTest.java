package io.fieldlink.firmware.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BootStateTest {
    static BootState roundTrip(BootState s) {
        byte[] b = s.encode();
        return BootState.decode(b, 0, b.length);
    }

    @Test
    void aTrialIsBootedItsBootsThenRolledBackUnlessConfirmed() {
        BootState s = BootState.factory("1.0.0");
        assertThat(s.selectForBoot()).isEqualTo(BootState.A);
        s.eraseInactive();
        s.markPending("1.1.0", 2);
        s = roundTrip(s);
        assertThat(s.selectForBoot()).isEqualTo(BootState.B);
        assertThat(s.onTrial()).isTrue();
        assertThat(roundTrip(s).selectForBoot()).isEqualTo(BootState.B);
        BootState again = roundTrip(s);
        again.selectForBoot();
        again.selectForBoot();
        assertThat(again.running()).isEqualTo(BootState.A);
        again.selectForBoot();
        BootState third = roundTrip(s);
        third.selectForBoot();
        assertThat(third.selectForBoot()).isEqualTo(BootState.A);
        assertThat(third.rolledBackFrom()).isEqualTo("1.1.0");
        assertThat(third.runningVersion()).isEqualTo("1.0.0");

        BootState ok = roundTrip(s);
        assertThat(ok.confirm()).isTrue();
        assertThat(ok.good()).isEqualTo(BootState.B);
        assertThat(roundTrip(ok).selectForBoot()).isEqualTo(BootState.B);
        assertThat(ok.inactive()).isEqualTo(BootState.A);
    }

    @Test
    void theGoodSlotCannotBeErasedDuringATrial() {
        BootState s = BootState.factory("1.0.0");
        s.markPending("1.1.0", 1);
        s.selectForBoot();
        assertThatThrownBy(s::eraseInactive).isInstanceOf(IllegalStateException.class).hasMessageContaining("on trial");
        assertThatThrownBy(() -> s.markPending("1.2.0", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDamagedStateIsRefusedWithItsLine() {
        byte[] bad = ("fieldlink-boot 1\ngood=C\nrunning=A\ntrial=-\nboots=0\nversion.A=1\nversion.B=\nrolledback=\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> BootState.decode(bad, 0, bad.length)).hasMessageContaining("line 'good=C'");
        byte[] empty = "fieldlink-boot 1\ngood=B\nrunning=A\ntrial=-\nboots=0\nversion.A=1\nversion.B=\nrolledback=\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> BootState.decode(empty, 0, empty.length)).hasMessageContaining("good slot B holds no image");
        assertThatThrownBy(() -> BootState.factory("../x")).hasMessageContaining("firmware version");
    }
}
