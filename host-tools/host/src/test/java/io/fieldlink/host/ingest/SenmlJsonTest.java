package io.fieldlink.host.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SenmlJsonTest {
    private static final long NOW = 1_800_000_000_000L;

    private static Uplink decode(String json) {
        return SenmlJson.decode(json.getBytes(StandardCharsets.UTF_8), "dev", NOW);
    }

    /** Verifies the RFC 8428 §5.1.2 multiple-datapoints example resolves as the RFC says. */
    @Test
    void rfcExampleResolvesNamesAndTimes() {
        Uplink u = decode("[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"bt\":1.320067464e+09,\"bu\":\"%RH\",\"v\":20},"
                + "{\"u\":\"lon\",\"v\":24.30621},{\"t\":60,\"v\":20.3}]");
        assertThat(u.readings()).extracting(Reading::channel).containsOnly("urn:dev:ow:10e2073a01080063:");
        assertThat(u.readings()).extracting(Reading::timeMillis)
                .containsExactly(1_320_067_464_000L, 1_320_067_464_000L, 1_320_067_524_000L);
    }

    @Test
    void baseValueIsAdded() {
        assertThat(decode("[{\"bv\":100,\"n\":\"e\",\"v\":5}]").readings().get(0).value()).isEqualTo(105);
    }

    @Test
    void mustUnderstandLabelIsRejected() {
        assertThatThrownBy(() -> decode("[{\"n\":\"a\",\"v\":1,\"x_\":2}]")).hasMessageContaining("must-understand");
    }

    @Test
    void unknownPlainLabelIsIgnored() {
        assertThat(decode("[{\"n\":\"a\",\"v\":1,\"foo\":2}]").readings()).hasSize(1);
    }

    @Test
    void emptyPackIsRejected() {
        assertThatThrownBy(() -> decode("[]")).hasMessageContaining("no records");
    }

    @Test
    void nonUtf8IsRejected() {
        assertThatThrownBy(() -> SenmlJson.decode(new byte[] {'[', (byte) 0xff, ']'}, "d", NOW))
                .isInstanceOf(MalformedUplinkException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void wrongValueTypeNamesRecordAndLabel() {
        assertThatThrownBy(() -> decode("[{\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":\"x\"}]"))
                .hasMessage("SenML record 1: 'v' must be a number");
    }
}
