package io.fieldlink.protocol.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborValue;
import io.fieldlink.protocol.crypto.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenClaimsCodecTest {

    @Test
    void creditClaimsEncodeDeterministicallyAndRoundTrip() {
        TokenClaims credit = TokenClaims.credit("MTR-0042", 17, 25_000).withExpiry(1_800_000_000L);
        byte[] bytes = TokenClaimsCodec.encode(credit);
        assertThat(Hex.encode(bytes)).isEqualTo("a6" + "0101" + "0201" + "03684d54522d30303432" + "0411"
                + "05196" + "1a8" + "081a6b49d200");
        assertThat(TokenClaimsCodec.decode(bytes)).isEqualTo(credit);
    }

    @Test
    void bookingClaimsRoundTripWithAndWithoutPump() {
        TokenClaims booking = TokenClaims.booking("ST-7", 9_000_000_000L, 12_500, 1_700_000_000L, 1_700_001_800L,
                1_700_003_600L).withNotBefore(1_699_990_000L);
        assertThat(TokenClaimsCodec.decode(TokenClaimsCodec.encode(booking))).isEqualTo(booking);
        TokenClaims pumped = booking.withPump(3);
        assertThat(TokenClaimsCodec.decode(TokenClaimsCodec.encode(pumped))).isEqualTo(pumped);
        assertThat(CborValue.decode(TokenClaimsCodec.encode(pumped)).toString()).contains("11: 3");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "80|expected a map",
        "bf0101ff|definite length",
        "a1200 1|key at offset 1 is a negative integer",
        "a10c01|unknown claim key 12",
        "a201010101|claim key 1 appears twice",
        "a10102|version 2 is not supported",
        "a1010 1|required claim type (2) is missing",
        "a201010203|unknown token type 3",
        "a20101 0201|required claim subject (3) is missing",
        "a3010102010301|subject (3) at offset 6 must be text",
        "a30101020103614d|required claim token id (4) is missing",
        "a40101020103614d0401|required claim amount (5) is missing",
        "a50101020103614d040105 20|claim 5 at offset 11 must be an unsigned integer",
        "a50101020103614d04010500|amount 0 must be positive",
        "a60101020103614d040105010601|claim 6 is not allowed in a CREDIT token",
        "a60101020103614d040105010901|claim 9 is not allowed in a CREDIT token",
        "a50101020103614d04200501|claim 4 at offset 9 must be an unsigned integer",
        "a50101020103614d041bffffffffffffffff0501|is above 2^63-1",
        "a60101020103614d040105010800|expiry 0 must be after not-before 0",
        "a50101020203614d04010601|required claim expiry (8) is missing",
        "a80101020203614d040106010814090b0a0b|slot end 11 must be after slot start 11",
        "a80101020203614d040106010809090a0a0b|expiry 9 is before the slot end 11",
        "a90101020203614d04010601080b090a0a0b0b00|pump 0 must be 1 to 2^31-1",
        "a50101020103614d0401050100|trailing bytes at offset 12",
    })
    void rejectsBadClaimsWithASpecificMessage(String hex, String message) {
        assertThatThrownBy(() -> TokenClaimsCodec.decode(Hex.decode(hex.replace(" ", ""))))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining(message);
    }

    @Test
    void factoriesRefuseInconsistentClaims() {
        assertThatThrownBy(() -> TokenClaims.credit("", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenClaims.credit("M", -1, 1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> TokenClaims.credit("M", 1, 1).withPump(2)).hasMessageContaining("no slot or pump");
        assertThatThrownBy(() -> TokenClaims.booking("S", 1, 1, 10, 10, 20)).hasMessageContaining("slot end");
        assertThatThrownBy(() -> TokenClaims.booking("S", 1, 1, 10, 20, TokenClaims.NO_EXPIRY))
                .hasMessageContaining("needs an expiry");
    }
}
