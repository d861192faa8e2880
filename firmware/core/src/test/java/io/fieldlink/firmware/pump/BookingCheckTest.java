package io.fieldlink.firmware.pump;

import static io.fieldlink.firmware.pump.Tokens.EXPIRY;
import static io.fieldlink.firmware.pump.Tokens.GRACE_S;
import static io.fieldlink.firmware.pump.Tokens.SLOT_END;
import static io.fieldlink.firmware.pump.Tokens.SLOT_END_S;
import static io.fieldlink.firmware.pump.Tokens.SLOT_START;
import static io.fieldlink.firmware.pump.Tokens.SLOT_START_S;
import static io.fieldlink.firmware.pump.Tokens.booking;
import static io.fieldlink.firmware.pump.Tokens.sign;
import static io.fieldlink.firmware.pump.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.token.BookingRules;
import io.fieldlink.protocol.token.TokenClaims;
import io.fieldlink.protocol.token.TokenText;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BookingCheckTest {
    static final long IN_SLOT = SLOT_START + 600_000;
    static final long GRACE = GRACE_S * 1000;

    static BookingCheck check(PersistentCell cell, int capacity) {
        return new BookingCheck(Tokens.verifier(), new BookingRules("ST01", 2, GRACE_S, 20_000), cell, capacity);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("booking for any pump", token(1, 8_000), IN_SLOT, BookingReason.OK),
                Arguments.of("booking for this pump", sign(booking(2, 8_000).withPump(2)), IN_SLOT, BookingReason.OK),
                Arguments.of("first moment of the grace", token(3, 8_000), SLOT_START - GRACE, BookingReason.OK),
                Arguments.of("last moment of the grace", token(4, 8_000), SLOT_END + GRACE + 999, BookingReason.OK),
                Arguments.of("the largest fill", token(5, 20_000), IN_SLOT, BookingReason.OK),
                Arguments.of("not a token", "HELLO", IN_SLOT, BookingReason.MALFORMED),
                Arguments.of("bad base45", TokenText.PREFIX + "%%%", IN_SLOT, BookingReason.MALFORMED),
                Arguments.of("empty", "", IN_SLOT, BookingReason.MALFORMED),
                Arguments.of("signed by a stranger", TokenText.encode(booking(6, 8_000), Tokens.STRANGER), IN_SLOT,
                        BookingReason.UNKNOWN_KEY),
                Arguments.of("forged signature", TokenText.encode(booking(7, 8_000), Tokens.FORGER), IN_SLOT,
                        BookingReason.BAD_SIGNATURE),
                Arguments.of("credit token", sign(TokenClaims.credit("ST01", 8, 5_000)), IN_SLOT,
                        BookingReason.WRONG_TYPE),
                Arguments.of("other station", sign(TokenClaims.booking("ST02", 9, 8_000, SLOT_START_S, SLOT_END_S,
                        Tokens.EXPIRY_S)), IN_SLOT, BookingReason.WRONG_SUBJECT),
                Arguments.of("other pump", sign(booking(10, 8_000).withPump(3)), IN_SLOT, BookingReason.WRONG_SUBJECT),
                Arguments.of("before the slot and grace", token(11, 8_000), SLOT_START - GRACE - 1_000,
                        BookingReason.NOT_YET_VALID),
                Arguments.of("before not-before", sign(booking(12, 8_000).withNotBefore(SLOT_START_S + 1_200)), IN_SLOT,
                        BookingReason.NOT_YET_VALID),
                Arguments.of("after the slot and grace", token(13, 8_000), SLOT_END + GRACE + 1_000,
                        BookingReason.EXPIRED),
                Arguments.of("at expiry", token(14, 8_000), EXPIRY, BookingReason.EXPIRED),
                Arguments.of("more than one fill", token(15, 20_001), IN_SLOT, BookingReason.OVER_LIMIT));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("table")
    void verdictTable(String name, String text, long nowMs, BookingReason expected) {
        BookingVerdict v = check(new MemoryCell(), 8).verify(text, nowMs);
        assertThat(v.reason()).as(v.toString()).isEqualTo(expected);
        assertThat(v.atMs()).isEqualTo(nowMs);
        assertThat(v.detail()).isNotEmpty();
    }

    @Test
    void aRedeemedBookingIsReplayed() {
        BookingCheck c = check(new MemoryCell(), 8);
        String t = token(1, 8_000);
        assertThat(c.redeem(t, IN_SLOT).reason()).isEqualTo(BookingReason.OK);
        assertThat(c.redeem(t, IN_SLOT + 1).reason()).isEqualTo(BookingReason.REPLAYED);
        assertThat(c.verify(t, IN_SLOT + 2).reason()).isEqualTo(BookingReason.REPLAYED);
    }

    @Test
    void verifyAloneDoesNotUseTheBookingUp() {
        BookingCheck c = check(new MemoryCell(), 8);
        assertThat(c.verify(token(1, 8_000), IN_SLOT).accepted()).isTrue();
        assertThat(c.redeem(token(1, 8_000), IN_SLOT).accepted()).isTrue();
    }

    @Test
    void replayIsRefusedAfterAReboot() {
        MemoryCell cell = new MemoryCell();
        assertThat(check(cell, 8).redeem(token(1, 8_000), IN_SLOT).accepted()).isTrue();
        BookingCheck rebooted = check(cell, 8);
        assertThat(rebooted.redeem(token(1, 8_000), IN_SLOT + 60_000).reason()).isEqualTo(BookingReason.REPLAYED);
        assertThat(rebooted.redeem(token(2, 8_000), IN_SLOT + 60_000).accepted()).isTrue();
    }

    @Test
    void fullMemoryOfLiveBookingsRefusesRatherThanForgets() {
        BookingCheck c = check(new MemoryCell(), 1);
        assertThat(c.redeem(token(1, 8_000), IN_SLOT).accepted()).isTrue();
        assertThat(c.redeem(token(2, 8_000), IN_SLOT).reason()).isEqualTo(BookingReason.OVER_LIMIT);
        assertThat(c.redeem(token(1, 8_000), IN_SLOT).reason()).isEqualTo(BookingReason.REPLAYED);
    }

    @Test
    void corruptMemoryIsAnErrorNotAnEmptyMemory() {
        MemoryCell cell = new MemoryCell();
        cell.write(new byte[] {(byte) 0x82, 0x01});
        assertThatThrownBy(() -> check(cell, 4)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("used booking tokens:");
    }
}
