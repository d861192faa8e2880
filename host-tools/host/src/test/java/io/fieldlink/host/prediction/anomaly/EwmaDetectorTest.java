package io.fieldlink.host.prediction.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EwmaDetectorTest {
    /** Verifies fewer than 0.01 % false positives in 100 000 readings of N(50, 3²) at threshold 6 (EWMA alone). */
    @Test
    void staysQuietOnGaussianNoise() {
        EwmaDetector d = new EwmaDetector(0.05, 6, 96);
        Random r = new Random(42);
        int fp = 0;
        for (int i = 0; i < 100_000; i++) {
            if (d.isAnomalous(d.accept(50 + 3 * r.nextGaussian()))) {
                fp++;
            }
        }
        assertThat(fp).isLessThan(10);
    }

    @Test
    void flagsASpikeAndKeepsItsBaseline() {
        EwmaDetector d = new EwmaDetector(0.05, 6, 20);
        Random r = new Random(1);
        for (int i = 0; i < 200; i++) {
            d.accept(50 + r.nextGaussian());
        }
        double before = d.mean();
        assertThat(d.isAnomalous(d.accept(80))).isTrue();
        assertThat(d.mean() - before).isLessThan(0.5);
    }

    @Test
    void scoresNothingDuringWarmUp() {
        EwmaDetector d = new EwmaDetector(0.1, 3, 10);
        d.accept(1);
        assertThat(d.accept(1_000)).isZero();
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new EwmaDetector(1.5, 3, 10)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> new EwmaDetector(0.1, 0, 10)).hasMessageContaining("threshold");
    }
}
