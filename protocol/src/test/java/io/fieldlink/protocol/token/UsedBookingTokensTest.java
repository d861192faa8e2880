package io.fieldlink.protocol.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.crypto.Hex;
import org.junit.jupiter.api.Test;

class UsedBookingTokensTest {

    @Test
    void remembersABookingUntilItExpires() {
        UsedBookingTokens used = new UsedBookingTokens(4);
        used.accept(7, 1_000, 100);
        assertThat(used.isUsed(7)).isTrue();
        assertThatThrownBy(() -> used.accept(7, 1_000, 200)).isInstanceOf(IllegalStateException.class);
        assertThat(used.purge(999)).isZero();
        assertThat(used.purge(1_000)).isEqualTo(1);
        assertThat(used.isUsed(7)).isFalse();
    }

    @Test
    void refusesANewBookingWhenFullOfLiveOnesAndMakesRoomAsTheyExpire() {
        UsedBookingTokens used = new UsedBookingTokens(2);
        used.accept(1, 500, 0);
        used.accept(2, 900, 0);
        assertThat(used.hasRoom(499)).isFalse();
        assertThatThrownBy(() -> used.accept(3, 900, 499)).isInstanceOf(IllegalStateException.class);
        assertThat(used.size()).isEqualTo(2);
        assertThat(used.hasRoom(500)).isTrue();
        used.accept(3, 900, 500);
        assertThat(used.isUsed(1)).isFalse();
        assertThat(used.isUsed(2)).isTrue();
        assertThat(used.isUsed(3)).isTrue();
    }

    @Test
    void serialisedStoreRemembersUsedBookings() {
        UsedBookingTokens used = new UsedBookingTokens(8);
        used.accept(9_000_000_000L, 1_700_003_600L, 1_700_000_000L);
        used.accept(5, 1_700_000_100L, 1_700_000_000L);
        UsedBookingTokens back = UsedBookingTokens.fromBytes(used.toBytes(), 8);
        assertThat(back.isUsed(9_000_000_000L)).isTrue();
        assertThat(back.isUsed(5)).isTrue();
        assertThat(back.size()).isEqualTo(2);
        assertThat(back.purge(1_700_000_100L)).isEqualTo(1);
        assertThat(Hex.encode(new UsedBookingTokens(1).toBytes())).isEqualTo("820180");
    }

    @Test
    void rejectsCorruptPersistedStores() {
        assertThatThrownBy(() -> UsedBookingTokens.fromBytes(Hex.decode("820280"), 4))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("expected [1, [id, expiry, ...]]");
        assertThatThrownBy(() -> UsedBookingTokens.fromBytes(Hex.decode("82018101"), 4))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("not an even count");
        assertThatThrownBy(() -> UsedBookingTokens.fromBytes(Hex.decode("820184010a020a"), 1))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("at most 2");
        assertThatThrownBy(() -> UsedBookingTokens.fromBytes(Hex.decode("820184010a010b"), 4))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("booking 1 appears twice");
        assertThatThrownBy(() -> UsedBookingTokens.fromBytes(Hex.decode("820182010a00"), 4))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("trailing bytes");
        assertThatThrownBy(() -> new UsedBookingTokens(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
