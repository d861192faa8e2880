package io.fieldlink.protocol.senml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SenmlResolverTest {
    @Test
    void multipleDatapointsResolveAsRfcSection5_1_2Says() {
        SenmlPack resolved = SenmlResolver.resolve(SenmlJson.decode(Rfc8428Examples.SERIES), 0);

        assertThat(resolved.size()).isEqualTo(7);
        SenmlRecord voltage = resolved.get(0);
        assertThat(voltage.name()).isEqualTo("urn:dev:ow:10e2073a0108006:voltage");
        assertThat(voltage.unit()).isEqualTo("V");
        assertThat(voltage.value()).isEqualTo(120.1);
        assertThat(voltage.time()).isEqualTo(1.276020076001e+09);
        assertThat(voltage.baseVersion()).isEqualTo(5);
        assertThat(voltage.baseName()).isNull();
        assertThat(voltage.hasBaseTime()).isFalse();
        for (int i = 1; i < 7; i++) {
            SenmlRecord current = resolved.get(i);
            assertThat(current.name()).isEqualTo("urn:dev:ow:10e2073a0108006:current");
            assertThat(current.unit()).isEqualTo("A");
            assertThat(current.time()).isEqualTo(1.276020076001e+09 - 6 + i);
            assertThat(current.baseVersion()).isEqualTo(5);
        }
        assertThat(resolved.get(1).time()).isEqualTo(1.276020071001e+09);
    }

    @Test
    void multipleMeasurementsResolveToTheRfcRecords() {
        SenmlPack resolved = SenmlResolver.resolve(SenmlJson.decode(Rfc8428Examples.MEASUREMENTS), 0);

        assertThat(resolved.size()).isEqualTo(13);
        assertThat(resolved.get(0).toString())
                .isEqualTo("{\"n\":\"urn:dev:ow:10e2073a01080063\",\"u\":\"%RH\",\"t\":1320067464,\"v\":20}");
        assertThat(resolved.get(5).toString())
                .isEqualTo("{\"n\":\"urn:dev:ow:10e2073a01080063\",\"u\":\"lat\",\"t\":1320067524,\"v\":60.07965}");
        assertThat(resolved.get(9).toString())
                .isEqualTo("{\"n\":\"urn:dev:ow:10e2073a01080063\",\"u\":\"%EL\",\"t\":1320067614,\"v\":98}");
        assertThat(resolved.get(12).time()).isEqualTo(1.320067644e+09);
    }

    @Test
    void resolvedDataIsAlreadyResolved() {
        SenmlPack pack = SenmlJson.decode(Rfc8428Examples.RESOLVED);
        assertThat(SenmlResolver.resolve(pack, 0)).isEqualTo(pack);
    }

    @Test
    void relativeTimesGetNowAdded() {
        SenmlPack pack = SenmlJson.decode("[{\"n\":\"a\",\"t\":-10,\"v\":1},{\"n\":\"b\",\"v\":2}]");

        SenmlPack resolved = SenmlResolver.resolve(pack, 1_700_000_000);

        assertThat(resolved.get(0).time()).isEqualTo(1_699_999_990);
        assertThat(resolved.get(1).time()).isEqualTo(1_700_000_000);
    }

    @Test
    void baseValueAndBaseSumAreAdded() {
        SenmlPack pack = SenmlJson.decode("[{\"bn\":\"m:\",\"bv\":100,\"bs\":1000,\"n\":\"e\",\"v\":5,\"s\":7}]");

        SenmlRecord r = SenmlResolver.resolve(pack, 0).get(0);

        assertThat(r.value()).isEqualTo(105);
        assertThat(r.sum()).isEqualTo(1007);
        assertThat(r.hasBaseVersion()).isFalse();
    }

    @Test
    void badNamesAndMissingValuesAreRejected() {
        assertThatThrownBy(() -> SenmlResolver.resolve(SenmlJson.decode("[{\"v\":1}]"), 0))
                .hasMessage("senml[0]: resolved name is empty");
        assertThatThrownBy(() -> SenmlResolver.resolve(SenmlJson.decode("[{\"n\":\"-a\",\"v\":1}]"), 0))
                .hasMessage("senml[0]: resolved name \"-a\" has a character not allowed at index 0");
        assertThatThrownBy(() -> SenmlResolver.resolve(SenmlJson.decode("[{\"n\":\"a b\",\"v\":1}]"), 0))
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> SenmlResolver.resolve(SenmlJson.decode("[{\"n\":\"a\"}]"), 0))
                .hasMessage("senml[0]: record has no value and no sum");
    }
}
