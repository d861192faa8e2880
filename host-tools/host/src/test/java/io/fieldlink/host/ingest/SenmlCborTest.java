package io.fieldlink.host.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.cbor.CborWriter;
import org.junit.jupiter.api.Test;

class SenmlCborTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    void decodesIntegerLabelsWithBaseNameAndTime() {
        byte[] pack = new CborWriter().writeArrayHeader(2)
                .writeMapHeader(4).writeInt(-2).writeText("p1:").writeInt(-3).writeInt(1_700_000_000L)
                .writeInt(0).writeText("pressure").writeInt(2).writeFloat(201.5)
                .writeMapHeader(3).writeInt(0).writeText("nozzle").writeInt(6).writeInt(5).writeInt(4).writeBoolean(true)
                .toByteArray();
        Uplink u = SenmlCbor.decode(pack, "p1", NOW);
        assertThat(u.readings()).containsExactly(new Reading("p1:pressure", 1_700_000_000_000L, 201.5));
        assertThat(u.events()).containsExactly(new Event("p1:nozzle", 1_700_000_005_000L, "{\"vb\":true}"));
    }

    @Test
    void relativeTimesCountFromNow() {
        byte[] pack = new CborWriter().writeArrayHeader(1).writeMapHeader(3).writeInt(0).writeText("v")
                .writeInt(6).writeInt(-10).writeInt(2).writeInt(7).toByteArray();
        assertThat(SenmlCbor.decode(pack, "d", NOW).readings().get(0).timeMillis()).isEqualTo(NOW - 10_000);
    }

    @Test
    void truncatedCborNamesTheOffset() {
        byte[] pack = new CborWriter().writeArrayHeader(1).writeMapHeader(2).writeInt(0).writeText("v").toByteArray();
        assertThatThrownBy(() -> SenmlCbor.decode(pack, "d", NOW)).isInstanceOf(MalformedUplinkException.class)
                .hasMessageContaining("offset");
    }

    @Test
    void notAnArrayIsRejected() {
        byte[] pack = new CborWriter().writeMapHeader(0).toByteArray();
        assertThatThrownBy(() -> SenmlCbor.decode(pack, "d", NOW)).hasMessageContaining("must be a CBOR array");
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] pack = new CborWriter().writeArrayHeader(1).writeMapHeader(2).writeInt(0).writeText("v").writeInt(2)
                .writeInt(1).writeInt(0).toByteArray();
        assertThatThrownBy(() -> SenmlCbor.decode(pack, "d", NOW)).hasMessageContaining("after the pack");
    }

    @Test
    void recordWithoutValueIsRejected() {
        byte[] pack = new CborWriter().writeArrayHeader(1).writeMapHeader(1).writeInt(0).writeText("v").toByteArray();
        assertThatThrownBy(() -> SenmlCbor.decode(pack, "d", NOW)).hasMessageContaining("record 0")
                .hasMessageContaining("no value");
    }
}
