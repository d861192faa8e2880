package io.fieldlink.host.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.cbor.CborWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SenmlUplinksTest {
    private static final long NOW = 1_800_000_000_000L;

    private static Uplink json(String json) {
        return SenmlUplinks.json(json.getBytes(StandardCharsets.UTF_8), "dev", NOW);
    }

    /** Verifies the RFC 8428 §5.1.2 multiple-datapoints example resolves as the RFC says. */
    @Test
    void rfcExampleResolvesNamesAndTimes() {
        Uplink u = json("[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"bt\":1.320067464e+09,\"bu\":\"%RH\",\"v\":20},"
                + "{\"u\":\"lon\",\"v\":24.30621},{\"t\":60,\"v\":20.3}]");
        assertThat(u.readings()).extracting(Reading::channel).containsOnly("urn:dev:ow:10e2073a01080063:");
        assertThat(u.readings()).extracting(Reading::timeMillis)
                .containsExactly(1_320_067_464_000L, 1_320_067_464_000L, 1_320_067_524_000L);
        assertThat(u.seq()).isEqualTo(-1);
    }

    @Test
    void baseValueIsAdded() {
        assertThat(json("[{\"bv\":100,\"n\":\"e\",\"v\":5}]").readings().get(0).value()).isEqualTo(105);
    }

    @Test
    void sumBecomesItsOwnChannel() {
        assertThat(json("[{\"n\":\"e\",\"s\":1250,\"t\":1700000000}]").readings())
                .containsExactly(new Reading("e:sum", 1_700_000_000_000L, 1250));
    }

    @Test
    void mustUnderstandLabelIsRejected() {
        assertThatThrownBy(() -> json("[{\"n\":\"a\",\"v\":1,\"x_\":2}]")).hasMessageContaining("must-understand");
    }

    @Test
    void unknownPlainLabelIsIgnored() {
        assertThat(json("[{\"n\":\"a\",\"v\":1,\"foo\":2}]").readings()).hasSize(1);
    }

    @Test
    void emptyPackIsRejected() {
        assertThatThrownBy(() -> json("[]")).hasMessageContaining("no records");
    }

    @Test
    void nonUtf8IsRejected() {
        assertThatThrownBy(() -> SenmlUplinks.json(new byte[] {'[', (byte) 0xff, ']'}, "d", NOW))
                .isInstanceOf(MalformedUplinkException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void brokenJsonIsCountedAsJson() {
        assertThatThrownBy(() -> json("[{\"n\":\"v\",\"v\":1"))
                .isInstanceOfSatisfying(MalformedUplinkException.class, e -> assertThat(e.reason()).isEqualTo("json"))
                .hasMessageContaining("offset");
    }

    @Test
    void wrongValueTypeNamesRecordAndLabel() {
        assertThatThrownBy(() -> json("[{\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":\"x\"}]"))
                .isInstanceOf(MalformedUplinkException.class).hasMessageContaining("senml[1]").hasMessageContaining("v");
    }

    @Test
    void cborIntegerLabelsWithBaseNameAndTime() {
        byte[] pack = new CborWriter().writeArrayHeader(2)
                .writeMapHeader(4).writeInt(-2).writeText("p1:").writeInt(-3).writeInt(1_700_000_000L)
                .writeInt(0).writeText("pressure").writeInt(2).writeFloat(201.5)
                .writeMapHeader(3).writeInt(0).writeText("nozzle").writeInt(6).writeInt(5).writeInt(4).writeBoolean(true)
                .toByteArray();
        Uplink u = SenmlUplinks.cbor(pack, "p1", NOW);
        assertThat(u.readings()).containsExactly(new Reading("p1:pressure", 1_700_000_000_000L, 201.5));
        assertThat(u.events()).containsExactly(new Event("p1:nozzle", 1_700_000_005_000L, "{\"vb\":true}"));
    }

    @Test
    void cborRelativeTimesCountFromNow() {
        byte[] pack = new CborWriter().writeArrayHeader(1).writeMapHeader(3).writeInt(0).writeText("v")
                .writeInt(6).writeInt(-10).writeInt(2).writeInt(7).toByteArray();
        assertThat(SenmlUplinks.cbor(pack, "d", NOW).readings().get(0).timeMillis()).isEqualTo(NOW - 10_000);
    }

    @Test
    void truncatedCborNamesTheOffset() {
        byte[] pack = new CborWriter().writeArrayHeader(1).writeMapHeader(2).writeInt(0).writeText("v").toByteArray();
        assertThatThrownBy(() -> SenmlUplinks.cbor(pack, "d", NOW))
                .isInstanceOfSatisfying(MalformedUplinkException.class, e -> assertThat(e.reason()).isEqualTo("cbor"))
                .hasMessageContaining("offset");
    }

    @Test
    void cborNotAnArrayIsRejected() {
        byte[] pack = new CborWriter().writeMapHeader(0).toByteArray();
        assertThatThrownBy(() -> SenmlUplinks.cbor(pack, "d", NOW)).isInstanceOf(MalformedUplinkException.class)
                .hasMessageContaining("array");
    }

    @Test
    void cborTrailingBytesAreRejected() {
        byte[] pack = new CborWriter().writeArrayHeader(1).writeMapHeader(2).writeInt(0).writeText("v").writeInt(2)
                .writeInt(1).writeInt(0).toByteArray();
        assertThatThrownBy(() -> SenmlUplinks.cbor(pack, "d", NOW)).hasMessageContaining("after the pack");
    }

    @Test
    void recordWithoutValueIsRejected() {
        byte[] pack = new CborWriter().writeArrayHeader(1).writeMapHeader(1).writeInt(0).writeText("v").toByteArray();
        assertThatThrownBy(() -> SenmlUplinks.cbor(pack, "d", NOW)).hasMessageContaining("senml[0]")
                .hasMessageContaining("no value");
    }
}
