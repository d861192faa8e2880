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

    @Test
    void medianBySelectionIsTheSortedMedian() {
        Random rnd = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + rnd.nextInt(130);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                // few distinct values (ties, signed zeros) as often as spread ones
                v[i] = round % 2 == 0 ? rnd.nextGaussian() * 10 : (rnd.nextInt(3) - 1) * (rnd.nextBoolean() ? 0.0 : 1.5)
                        * (rnd.nextBoolean() ? -1 : 1);
            }
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertThat(Double.doubleToLongBits(MadDetector.median(v.clone())))
                    .as("median of %s", java.util.Arrays.toString(v)).isEqualTo(Double.doubleToLongBits(expected));
        }
    }

    @Test
    void scoreOnASortedWindowIsTheScoreBitForBit() {
        Random rnd = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + rnd.nextInt(130);
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = round % 3 == 0 ? rnd.nextGaussian() * 10 : round % 3 == 1 ? rnd.nextInt(4) * 0.5
                        : (rnd.nextBoolean() ? -0.0 : 0.0) + (rnd.nextInt(10) == 0 ? 1e9 : 0);
            }
            double value = round % 5 == 0 ? w[rnd.nextInt(n)] : rnd.nextGaussian() * 20;
            double[] sorted = w.clone();
            java.util.Arrays.sort(sorted);
            double[] padded = java.util.Arrays.copyOf(sorted, n + 3);
            assertThat(Double.doubleToLongBits(detector.scoreSorted(padded, n, value)))
                    .as("window %s, value %s", java.util.Arrays.toString(w), value)
                    .isEqualTo(Double.doubleToLongBits(detector.score(w, value)));
        }
        assertThatThrownBy(() -> detector.scoreSorted(new double[3], 0, 1)).hasMessageContaining("window");
    }
}
