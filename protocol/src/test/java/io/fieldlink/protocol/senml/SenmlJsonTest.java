package io.fieldlink.protocol.senml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SenmlJsonTest {
    @Test
    void singleDatapoint() {
        SenmlPack pack = SenmlJson.decode(Rfc8428Examples.SINGLE);

        assertThat(pack.size()).isEqualTo(1);
        assertThat(pack.get(0).name()).isEqualTo("urn:dev:ow:10e2073a01080063");
        assertThat(pack.get(0).unit()).isEqualTo("Cel");
        assertThat(pack.get(0).value()).isEqualTo(23.1);
        assertThat(SenmlJson.encode(pack)).isEqualTo(Rfc8428Examples.SINGLE);
    }

    @Test
    void everyRfcExampleReEncodesToTheSamePack() {
        for (String example : new String[] {Rfc8428Examples.SINGLE, Rfc8428Examples.TWO, Rfc8428Examples.SERIES,
            Rfc8428Examples.MEASUREMENTS, Rfc8428Examples.RESOLVED, Rfc8428Examples.TYPES}) {
            SenmlPack pack = SenmlJson.decode(example);
            assertThat(SenmlJson.decode(SenmlJson.encode(pack))).as(example).isEqualTo(pack);
            assertThat(SenmlCbor.decode(SenmlCbor.encode(pack))).as(example).isEqualTo(pack);
        }
    }

    @Test
    void multipleDataTypesIncludingBase64urlData() {
        SenmlPack pack = SenmlJson.decode(Rfc8428Examples.TYPES);

        assertThat(pack.get(1).stringValue()).isEqualTo("Machine Room");
        assertThat(pack.get(2).hasBoolValue()).isTrue();
        assertThat(pack.get(2).boolValue()).isFalse();
        assertThat(pack.get(3).dataValue()).containsExactly('h', 'i', ' ', '\n');
        assertThat(SenmlJson.encode(pack)).isEqualTo(Rfc8428Examples.TYPES);
    }

    @Test
    void wrongTypeNamesRecordAndField() {
        assertThatThrownBy(() -> SenmlJson.decode("[{\"n\":\"a\"},{\"n\":\"b\",\"v\":\"12\"}]"))
                .isInstanceOf(SenmlException.class).hasMessage("senml[1].v: expected number, found string");
        assertThatThrownBy(() -> SenmlJson.decode("[{\"n\":\"a\",\"vd\":\"a*\"}]"))
                .hasMessage("senml[0].vd: invalid base64url character at index 1");
        assertThatThrownBy(() -> SenmlJson.decode("[{\"n\":\"a\",\"v\":1,\"vs\":\"x\"}]"))
                .hasMessage("senml[0]: more than one value field");
        assertThatThrownBy(() -> SenmlJson.decode("[{\"n\":\"a\",\"v\":1,\"foo_\":1}]"))
                .hasMessage("senml[0]: unsupported must-understand field foo_");
    }

    @Test
    void malformedJsonIsASenmlExceptionWithTheOffset() {
        assertThatThrownBy(() -> SenmlJson.decode("[{\"n\":\"a\",}]")).isInstanceOf(SenmlException.class)
                .hasMessage("senml[0]: JSON error at offset 10: trailing comma");
        assertThatThrownBy(() -> SenmlJson.decode("[] x")).hasMessage("senml: JSON error at offset 3: unexpected text after the value");
    }

    @Test
    void unknownFieldsAreSkipped() {
        SenmlPack pack = SenmlJson.decode("[{\"n\":\"a\",\"x\":{\"y\":[1,2,{}]},\"v\":3}]");
        assertThat(pack.get(0).value()).isEqualTo(3);
    }

    @Test
    void tenRecordPackRoundTripsThroughJson() {
        SenmlPack pack = TenRecordPack.build();
        SenmlPack back = SenmlJson.decode(SenmlJson.encode(pack));
        assertThat(back).isEqualTo(pack);
        assertThat(back.get(0).baseTime()).isCloseTo(1_763_683_200, within(0.0));
    }
}
