package io.fieldlink.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.cbor.CborValue;
import org.junit.jupiter.api.Test;

class SignedBodyTest {
    @Test
    void everyBodyRoundTrips() {
        TariffBody tariff = new TariffBody("m-1", 4, 1_763_683_200_000L, new long[] {0, 120_000, 420, 180_000, 1320, 120_000});
        CreditPushBody credit = new CreditPushBody("m-1", 12, 50_000_000, 1_763_683_200_000L);
        RelayOverrideBody relay = new RelayOverrideBody("m-1", RelayOverrideBody.FORCE_CONNECT, 0);
        ShutInResetBody reset = new ShutInResetBody("w-9", "tech-7", 1_763_683_200_000L, -5L);

        assertThat(TariffBody.decode(tariff.encode())).isEqualTo(tariff);
        assertThat(CreditPushBody.decode(credit.encode())).isEqualTo(credit);
        assertThat(RelayOverrideBody.decode(relay.encode())).isEqualTo(relay);
        assertThat(ShutInResetBody.decode(reset.encode())).isEqualTo(reset);
        assertThat(CborValue.decode(credit.encode()).toString())
                .isEqualTo("{0: 1, 1: \"m-1\", 2: 12, 3: 50000000, 4: 1763683200000}");
    }

    @Test
    void badBodiesAreNamed() {
        byte[] credit = CborValue.map(CborValue.of(0), CborValue.of(1), CborValue.of(1), CborValue.text("m"),
                CborValue.of(2), CborValue.of(1), CborValue.of(3), CborValue.of(-5), CborValue.of(4), CborValue.of(1)).encode();
        assertThatThrownBy(() -> CreditPushBody.decode(credit)).isInstanceOf(RecordException.class)
                .hasMessage("creditPush.amount: expected unsigned integer, found negative integer");
        assertThatThrownBy(() -> new TariffBody("m", 1, 1, new long[] {10, 5}))
                .hasMessageContaining("tariff.bands");
    }
}
