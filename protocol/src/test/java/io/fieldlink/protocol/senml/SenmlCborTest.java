package io.fieldlink.protocol.senml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.cbor.CborValue;
import io.fieldlink.protocol.cbor.CborWriter;
import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SenmlCborTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void decodesTheRfcSection6Example() {
        SenmlPack pack = SenmlCbor.decode(hex(Rfc8428Examples.SERIES_CBOR_HEX));

        assertThat(pack.size()).isEqualTo(7);
        SenmlRecord first = pack.get(0);
        assertThat(first.baseName()).isEqualTo("urn:dev:ow:10e2073a0108006:");
        assertThat(first.baseTime()).isEqualTo(1.276020076001e+09);
        assertThat(first.baseUnit()).isEqualTo("A");
        assertThat(first.baseVersion()).isEqualTo(5);
        assertThat(first.name()).isEqualTo("voltage");
        assertThat(first.unit()).isEqualTo("V");
        assertThat(first.value()).isEqualTo(120.1);
        assertThat(pack.get(4).value()).isEqualTo(1.5);
        assertThat(pack.get(1).time()).isEqualTo(-5);
        assertThat(pack.get(6).hasTime()).isTrue();
    }

    @Test
    void reEncodesTheRfcSection6ExampleByteForByte() {
        byte[] rfc = hex(Rfc8428Examples.SERIES_CBOR_HEX);

        assertThat(SenmlCbor.encode(SenmlCbor.decode(rfc))).isEqualTo(rfc);
    }

    @Test
    void cborAndJsonFormsOfTheRfcExampleResolveAlike() {
        SenmlPack fromCbor = SenmlResolver.resolve(SenmlCbor.decode(hex(Rfc8428Examples.SERIES_CBOR_HEX)), 0);
        SenmlPack fromJson = SenmlResolver.resolve(SenmlJson.decode(Rfc8428Examples.SERIES), 0);

        assertThat(fromCbor).isEqualTo(fromJson);
    }

    @Test
    void everyFieldRoundTrips() {
        SenmlPack pack = new SenmlPack();
        pack.add().baseName("dev:").baseTime(1.7e9).baseUnit("W").baseValue(10).baseSum(0.5).baseVersion(11)
                .name("p").unit("kW").time(-3).updateTime(60).value(-2.25).sum(123456789012L);
        pack.add().name("s").stringValue("\u00fcber");
        pack.add().name("b").boolValue(true);
        pack.add().name("d").dataValue(new byte[] {0, 1, -1});

        assertThat(SenmlCbor.decode(SenmlCbor.encode(pack))).isEqualTo(pack);
    }

    @Test
    void integralNumbersAreCborIntegersAndOthersShortestFloats() {
        SenmlPack pack = new SenmlPack();
        pack.add().name("e").value(123456).time(1.7e9);
        pack.add().name("f").value(0.5);

        assertThat(CborValue.decode(SenmlCbor.encode(pack)).toString())
                .isEqualTo("[{0: \"e\", 6: 1700000000, 2: 123456}, {0: \"f\", 2: 0.5}]");
    }

    @Test
    void indefiniteLengthsAndUnknownLabelsAreAccepted() {
        SenmlPack pack = SenmlCbor.decode(hex("9f" + "bf" + "0061" + "61" + "1864" + "01" + "02" + "07" + "ff" + "ff"));

        assertThat(pack.size()).isEqualTo(1);
        assertThat(pack.get(0).name()).isEqualTo("a");
        assertThat(pack.get(0).value()).isEqualTo(7);
    }

    @Test
    void aWrongTypeNamesTheRecordAndField() {
        byte[] bad = CborValue.array(CborValue.map(CborValue.of(0), CborValue.text("a")),
                CborValue.map(CborValue.of(2), CborValue.text("x"))).encode();
        assertThatThrownBy(() -> SenmlCbor.decode(bad)).isInstanceOf(SenmlException.class)
                .hasMessage("senml[1].v: expected number, found text");
    }

    @Test
    void duplicateAndSecondValueAndMustUnderstandAreRejected() {
        assertThatThrownBy(() -> SenmlCbor.decode(hex("81a2" + "0201" + "0202")))
                .hasMessage("senml[0]: duplicate field v");
        assertThatThrownBy(() -> SenmlCbor.decode(hex("81a2" + "0201" + "04f5")))
                .hasMessage("senml[0]: more than one value field");
        assertThatThrownBy(() -> SenmlCbor.decode(hex("81a1" + "63" + "78795f" + "01")))
                .hasMessage("senml[0]: unsupported must-understand field xy_");
    }

    @Test
    void brokenCborIsASenmlExceptionNamingTheRecord() {
        assertThatThrownBy(() -> SenmlCbor.decode(hex("82a10201" + "a1")))
                .isInstanceOf(SenmlException.class)
                .hasMessage("senml[1]: CBOR truncated at offset 4: map claims 1 items but 0 bytes remain");
        assertThatThrownBy(() -> SenmlCbor.decode(hex("a0"))).isInstanceOf(SenmlException.class)
                .hasMessage("senml: CBOR wrong type at offset 0: expected array, found map");
    }

    @Test
    void steadyStateEncodeWithAReusedWriterAllocatesNothing() {
        SenmlPack pack = TenRecordPack.build();
        CborWriter writer = new CborWriter(512);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 20_000; i++) {
            SenmlCbor.encode(pack, writer.reset());
        }

        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            SenmlCbor.encode(pack, writer.reset());
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;

        assertThat(allocated).as("bytes allocated by 10,000 encodes").isLessThan(10_000);
    }
}
