package io.fieldlink.firmware.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.protocol.crypto.Hex;
import org.junit.jupiter.api.Test;

class IssuerKeysTest {
    private static final String KEY = "11".repeat(32);

    @Test
    void parsesCommaAndBlankSeparatedEntries() {
        IssuerKeys keys = IssuerKeys.parse("issuer_keys", "0a0b:" + KEY + ", 0c:" + KEY.toUpperCase() + "  ");
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.trusted().contains(Hex.decode("0a0b"))).isTrue();
        assertThat(keys.find(Hex.decode("0c"))).isEqualTo(Hex.decode(KEY));
        assertThat(keys.find(Hex.decode("0d"))).isNull();
    }

    @Test
    void noneAndEmptyTrustNothing() {
        assertThat(IssuerKeys.parse("k", "none").size()).isZero();
        assertThat(IssuerKeys.parse("k", " ").size()).isZero();
    }

    @Test
    void badEntriesNameTheKeyAndEntry() {
        assertThatThrownBy(() -> IssuerKeys.parse("issuer_keys", "0a:" + KEY + ",0b"))
                .isInstanceOf(FirmwareException.class).hasMessage("config issuer_keys: entry '0b' is not <key id hex>:<public key hex>");
        assertThatThrownBy(() -> IssuerKeys.parse("issuer_keys", "0a:abc"))
                .isInstanceOf(FirmwareException.class).hasMessageStartingWith("config issuer_keys: entry '0a:abc': hex: odd length");
        assertThatThrownBy(() -> IssuerKeys.parse("issuer_keys", "0a:" + KEY.substring(2)))
                .isInstanceOf(FirmwareException.class).hasMessageContaining("must be 32 bytes");
    }
}
