package io.fieldlink.host.prediction.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MadDetectorTest {
    private final MadDetector detector = new MadDetector(5);

    @Test
    void firesOnInjectedSpikeAndStaysQuietOnCleanTrace() {
        Random rnd = new Random(42);
        double[] trace = new double[10_000];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = 100 + rnd.nextGaussian() * 2;
        }
        int window = 96;
        int falsePositives = 0;
        for (int i = window; i < trace.length; i++) {
            if (detector.isAnomalous(java.util.Arrays.copyOfRange(trace, i - window, i), trace[i])) {
                falsePositives++;
            }
        }
        double rate = falsePositives / (double) (trace.length - window);
        assertThat(rate).isLessThan(0.001);
        double[] ref = java.util.Arrays.copyOfRange(trace, 0, window);
        assertThat(detector.isAnomalous(ref, 130)).isTrue();
        assertThat(detector.isAnomalous(ref, 70)).isTrue();
    }

    @Test
    void flatWindowAndBadInput() {
        assertThat(detector.score(new double[] {3, 3, 3}, 3)).isZero();
        assertThat(detector.score(new double[] {3, 3, 3}, 4)).isInfinite();
        assertThatThrownBy(() -> detector.score(new double[0], 1)).hasMessageContaining("window");
        assertThatThrownBy(() -> new MadDetector(0)).hasMessageContaining("threshold");
    }
}
