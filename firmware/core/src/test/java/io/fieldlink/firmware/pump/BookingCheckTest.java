package io.fieldlink.firmware.pump;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BookingCheckTest {
    static final long HOUR = 3600_000L;
    static final long SLOT_START = 1_800_000_000_000L;
    static final long SLOT_END = SLOT_START + HOUR;
    static final long GRACE = 5 * 60_000L;
    static final long EXPIRES = SLOT_END + 2 * HOUR;

    static BookingClaims claims(String id, String station, int pump, long grams) {
        return new BookingClaims(id, station, pump, SLOT_START, SLOT_END, EXPIRES, grams);
    }

    static TableDecoder decoder() {
        return new TableDecoder()
                .put("OK", claims("t-ok", "ST01", 2, 8000))
                .put("ANYPUMP", claims("t-any", "ST01", BookingClaims.ANY_PUMP, 8000))
                .put("OTHERSTATION", claims("t-st", "ST02", 2, 8000))
                .put("OTHERPUMP", claims("t-pump", "ST01", 3, 8000))
                .put("ZERO", claims("t-zero", "ST01", 2, 0))
                .put("TOOMUCH", claims("t-big", "ST01", 2, 20_001))
                .put("SHORTLIVED", new BookingClaims("t-short", "ST01", 2, SLOT_START, SLOT_END, SLOT_START + 60_000, 8000))
                .refuse("CREDIT", BookingReason.NOT_A_BOOKING)
                .refuse("ROGUEKEY", BookingReason.UNKNOWN_KEY)
                .refuse("TAMPERED", BookingReason.BAD_SIGNATURE);
    }

    static BookingCheck check(MemoryCell cell, int capacity) {
        return new BookingCheck(decoder(), new UsedBookings(cell, capacity), "ST01", 2, GRACE, 20_000);
    }

    static Stream<Arguments> table() {
        long in = SLOT_START + 10 * 60_000;
        return Stream.of(
                Arguments.of("OK", in, BookingReason.ACCEPTED),
                Arguments.of("ANYPUMP", in, BookingReason.ACCEPTED),
                Arguments.of("OK", SLOT_START - GRACE, BookingReason.ACCEPTED),
                Arguments.of("OK", SLOT_END + GRACE, BookingReason.ACCEPTED),
                Arguments.of("garbage!", in, BookingReason.MALFORMED),
                Arguments.of("CREDIT", in, BookingReason.NOT_A_BOOKING),
                Arguments.of("ROGUEKEY", in, BookingReason.UNKNOWN_KEY),
                Arguments.of("TAMPERED", in, BookingReason.BAD_SIGNATURE),
                Arguments.of("OTHERSTATION", in, BookingReason.WRONG_STATION),
                Arguments.of("OTHERPUMP", in, BookingReason.WRONG_PUMP),
                Arguments.of("OK", SLOT_START - GRACE - 1, BookingReason.TOO_EARLY),
                Arguments.of("OK", SLOT_END + GRACE + 1, BookingReason.SLOT_PASSED),
                Arguments.of("SHORTLIVED", SLOT_START + 60_000, BookingReason.EXPIRED),
                Arguments.of("OK", EXPIRES, BookingReason.EXPIRED),
                Arguments.of("ZERO", in, BookingReason.BAD_QUANTITY),
                Arguments.of("TOOMUCH", in, BookingReason.BAD_QUANTITY));
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @MethodSource("table")
    void verdictTable(String text, long nowMs, BookingReason expected) {
        BookingVerdict v = check(new MemoryCell(), 8).verify(text, nowMs);
        assertThat(v.reason()).isEqualTo(expected);
        assertThat(v.atMs()).isEqualTo(nowMs);
        if (expected != BookingReason.ACCEPTED) {
            assertThat(v.detail()).isNotEmpty();
        }
    }

    @Test
    void secondRedeemIsAlreadyUsed() {
        BookingCheck c = check(new MemoryCell(), 8);
        long now = SLOT_START;
        assertThat(c.redeem("OK", now).reason()).isEqualTo(BookingReason.ACCEPTED);
        assertThat(c.redeem("OK", now + 1).reason()).isEqualTo(BookingReason.ALREADY_USED);
        assertThat(c.verify("OK", now + 2).reason()).isEqualTo(BookingReason.ALREADY_USED);
    }

    @Test
    void verifyDoesNotRedeem() {
        BookingCheck c = check(new MemoryCell(), 8);
        assertThat(c.verify("OK", SLOT_START).accepted()).isTrue();
        assertThat(c.redeem("OK", SLOT_START).accepted()).isTrue();
    }

    @Test
    void fullMemoryOfUnexpiredTokensRefusesRatherThanForgets() {
        BookingCheck c = check(new MemoryCell(), 1);
        assertThat(c.redeem("OK", SLOT_START).accepted()).isTrue();
        assertThat(c.redeem("ANYPUMP", SLOT_START).reason()).isEqualTo(BookingReason.MEMORY_FULL);
        assertThat(c.redeem("OK", SLOT_START).reason()).isEqualTo(BookingReason.ALREADY_USED);
    }

    @Test
    void nullTextIsMalformed() {
        assertThat(check(new MemoryCell(), 1).verify(null, SLOT_START).reason()).isEqualTo(BookingReason.MALFORMED);
    }
}
