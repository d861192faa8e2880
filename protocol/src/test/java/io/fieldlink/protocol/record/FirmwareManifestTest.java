package io.fieldlink.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.cbor.CborValue;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FirmwareManifestTest {
    private static final byte[] SHA = new byte[32];

    static {
        Arrays.fill(SHA, (byte) 7);
    }

    @Test
    void manifestRoundTripsAndMatchesItsNotice() {
        FirmwareManifest m = new FirmwareManifest("1.5.0", 182_044, SHA);
        assertThat(FirmwareManifest.decode(m.encode())).isEqualTo(m);
        assertThat(CborValue.decode(m.encode()).toString()).startsWith("{0: 1, 1: \"1.5.0\", 2: 182044, 3: h'0707");
        FirmwareNotice notice = new FirmwareNotice("1.5.0", 182_044, SHA, "fw/1.5.0", new byte[] {1, 2, 3});
        assertThat(m.matches(notice)).isTrue();
        assertThat(m.matches(new FirmwareNotice("1.5.0", 182_045, SHA, "fw/1.5.0"))).isFalse();
        assertThat(m.matches(new FirmwareNotice("1.5.1", 182_044, SHA, "fw/1.5.1"))).isFalse();
        byte[] other = SHA.clone();
        other[31] = 0;
        assertThat(m.matches(new FirmwareNotice("1.5.0", 182_044, other, "fw/1.5.0"))).isFalse();
    }

    @Test
    void noticeCarriesItsSignedManifestOrNone() {
        FirmwareNotice with = new FirmwareNotice("1.5.0", 10, SHA, "fw/1.5.0", new byte[] {9, 8});
        FirmwareNotice back = FirmwareNotice.decode(with.encode());
        assertThat(back.signedManifest()).containsExactly(9, 8);
        assertThat(back).isEqualTo(with);
        FirmwareNotice without = new FirmwareNotice("1.5.0", 10, SHA, "fw/1.5.0");
        assertThat(FirmwareNotice.decode(without.encode()).signedManifest()).isNull();
        Command c = Command.decode(Command.firmwareUpdate(3, with).encode());
        assertThat(c.firmwareNotice().signedManifest()).containsExactly(9, 8);
    }

    @Test
    void badManifestsAreNamed() {
        assertThatThrownBy(() -> new FirmwareManifest("1", 1, new byte[31])).isInstanceOf(RecordException.class)
                .hasMessage("manifest.sha256: expected 32 bytes, found 31");
        byte[] bad = CborValue.map(CborValue.of(0), CborValue.of(1), CborValue.of(1), CborValue.text("1"),
                CborValue.of(2), CborValue.text("big"), CborValue.of(3), CborValue.bytes(SHA)).encode();
        assertThatThrownBy(() -> FirmwareManifest.decode(bad)).isInstanceOf(RecordException.class)
                .hasMessageContaining("manifest.size");
    }
}
