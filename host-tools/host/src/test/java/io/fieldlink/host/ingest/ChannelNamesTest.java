package io.fieldlink.host.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelNamesTest {
    @Test
    void equalNamesDecodedApartBecomeOneInstanceAndASumItsOwn() {
        String a = new String("flow_rate".toCharArray());
        String b = new String("flow_rate".toCharArray());
        assertThat(ChannelNames.of(a)).isSameAs(ChannelNames.of(b)).isEqualTo("flow_rate");
        assertThat(ChannelNames.sumOf(ChannelNames.of(a))).isEqualTo("flow_rate:sum")
                .isSameAs(ChannelNames.sumOf(ChannelNames.of(b))).isSameAs(ChannelNames.of("flow_rate:sum"));
        assertThat(ChannelNames.of(null)).isNull();
    }

    @Test
    void aFloodOfNamesIsNotKeptBeyondTheCap() {
        for (int i = 0; i < ChannelNames.MAX_NAMES + 10; i++) {
            assertThat(ChannelNames.of("flood-" + i)).isEqualTo("flood-" + i);
        }
        String late = new String("flood-late".toCharArray());
        assertThat(ChannelNames.of(late)).as("used as decoded once the cap is reached").isSameAs(late);
    }
}
