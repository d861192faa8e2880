package io.fieldlink.host.prediction.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChannelWatchTest {
    @Test
    void raisesOnceForASpikeAndClearsAfterNormalReadings() {
        ChannelWatch w = new ChannelWatch("d", "voltage", false, ChannelWatch.Settings.defaults());
        Random r = new Random(2);
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double v = i == 200 || i == 201 ? 300 : 230 + 2 * r.nextGaussian();
            all.addAll(w.accept(i * 60_000L, v));
        }
        assertThat(all).hasSize(2);
        assertThat(all.get(0).raised()).isTrue();
        assertThat(all.get(0).timeMillis()).isEqualTo(200 * 60_000L);
        assertThat(all.get(1).raised()).isFalse();
        assertThat(all.get(1).timeMillis()).isEqualTo(205 * 60_000L);
    }

    @Test
    void watchesACounterAsItsRate() {
        ChannelWatch w = new ChannelWatch("d", "energy", true, ChannelWatch.Settings.defaults());
        Random r = new Random(3);
        double e = 0;
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            e += i == 250 ? 5_000 : 100 + 5 * r.nextGaussian();
            all.addAll(w.accept(i * 3_600_000L, e));
        }
        assertThat(all).hasSize(2);
        assertThat(all.get(0).evidence().get("unit")).isEqualTo("per hour");
    }

    @Test
    void ignoresReadingsOlderThanTheLast() {
        ChannelWatch w = new ChannelWatch("d", "voltage", false, ChannelWatch.Settings.defaults());
        for (int i = 0; i < 200; i++) {
            w.accept(1_000_000 + i, 230 + (i % 3));
        }
        assertThat(w.accept(5, 10_000)).isEmpty();
    }
}
