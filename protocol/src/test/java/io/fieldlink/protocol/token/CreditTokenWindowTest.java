package io.fieldlink.protocol.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.crypto.Hex;
import org.junit.jupiter.api.Test;

class CreditTokenWindowTest {

    @Test
    void acceptsNewIdsAndRefusesTheirReplay() {
        CreditTokenWindow w = new CreditTokenWindow();
        assertThat(w.isFresh(0)).isTrue();
        w.accept(0);
        assertThat(w.isUsed(0)).isTrue();
        assertThat(w.isFresh(0)).isFalse();
        w.accept(1);
        assertThat(w.highest()).isEqualTo(1);
        assertThat(w.isFresh(1)).isFalse();
        assertThatThrownBy(() -> w.accept(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void acceptsOutOfOrderIdsInsideTheWindowOnce() {
        CreditTokenWindow w = new CreditTokenWindow();
        w.accept(100);
        assertThat(w.isFresh(37)).isTrue();
        assertThat(w.isFresh(36)).isFalse();
        assertThat(w.isTooOld(36)).isTrue();
        w.accept(37);
        w.accept(99);
        assertThat(w.isFresh(37)).isFalse();
        assertThat(w.isFresh(99)).isFalse();
        assertThat(w.isFresh(98)).isTrue();
    }

    @Test
    void aJumpForwardSlidesTheWindowAndKeepsUsedBitsThatStayInside() {
        CreditTokenWindow w = new CreditTokenWindow();
        w.accept(10);
        w.accept(8);
        w.accept(40);
        assertThat(w.isUsed(10)).isTrue();
        assertThat(w.isUsed(8)).isTrue();
        assertThat(w.isFresh(9)).isTrue();
        w.accept(72);
        assertThat(w.isTooOld(8)).isTrue();
        assertThat(w.isUsed(10)).isTrue();
        w.accept(73);
        assertThat(w.isTooOld(9)).isTrue();
        assertThat(w.isUsed(10)).isTrue();
        w.accept(74);
        assertThat(w.isTooOld(10)).isTrue();
        w.accept(1_000);
        assertThat(w.isFresh(999)).isTrue();
        assertThat(w.isTooOld(936)).isTrue();
        assertThat(w.isFresh(937)).isTrue();
    }

    @Test
    void idsNearTheTopOfTheLongRangeNeverWrap() {
        CreditTokenWindow w = new CreditTokenWindow();
        w.accept(Long.MAX_VALUE - 1);
        w.accept(Long.MAX_VALUE);
        assertThat(w.isFresh(Long.MAX_VALUE)).isFalse();
        assertThat(w.isFresh(0)).isFalse();
        assertThat(w.isFresh(-1)).isFalse();
        assertThat(w.isFresh(Long.MAX_VALUE - 2)).isTrue();
    }

    @Test
    void serialisedWindowRemembersUsedIds() {
        CreditTokenWindow w = new CreditTokenWindow();
        assertThat(Hex.encode(w.toBytes())).isEqualTo("830120480000000000000000");
        w.accept(70);
        w.accept(65);
        w.accept(7);
        CreditTokenWindow back = CreditTokenWindow.fromBytes(w.toBytes());
        assertThat(back.highest()).isEqualTo(70);
        assertThat(back.isUsed(65)).isTrue();
        assertThat(back.isUsed(7)).isTrue();
        assertThat(back.isFresh(66)).isTrue();
        assertThat(back.toBytes()).isEqualTo(w.toBytes());
    }

    @Test
    void rejectsCorruptPersistedWindows() {
        assertThatThrownBy(() -> CreditTokenWindow.fromBytes(Hex.decode("830220480000000000000000")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("expected [1, highest, bitmap]");
        assertThatThrownBy(() -> CreditTokenWindow.fromBytes(Hex.decode("830120480000000000000001")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> CreditTokenWindow.fromBytes(Hex.decode("830105480000000000000000")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> CreditTokenWindow.fromBytes(Hex.decode("8301054700000000000001")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("bitmap of 7 bytes");
        assertThatThrownBy(() -> CreditTokenWindow.fromBytes(Hex.decode("83012148000000000000000000")))
                .isInstanceOf(ProtocolException.class);
    }
}
