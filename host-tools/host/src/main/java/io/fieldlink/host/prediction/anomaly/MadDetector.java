package io.fieldlink.host.prediction.anomaly;

import java.util.Arrays;

/**
 * Robust outlier test: a reading is anomalous when its distance from the median of a reference
 * window exceeds {@code threshold} scaled MADs (MAD times 1.4826, the normal-consistency factor).
 * Immutable and thread-safe.
 */
public final class MadDetector {
    private static final double NORMAL_CONSISTENCY = 1.4826;
    private final double threshold;

    /**
     * @param threshold robust z-score above which a reading is anomalous, e.g. 5
     * @throws IllegalArgumentException if threshold is not positive
     */
    public MadDetector(double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold: must be positive, got " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Robust z-score of {@code value} against {@code window}.
     *
     * @param window reference readings (not modified), at least one
     * @return |value - median| / (1.4826 * MAD); infinite if MAD is 0 and value differs from the median
     * @throws IllegalArgumentException if the window is empty
     */
    public double score(double[] window, double value) {
        if (window.length == 0) {
            throw new IllegalArgumentException("window: at least one reading is needed");
        }
        double median = median(window.clone());
        double[] dev = new double[window.length];
        for (int i = 0; i < window.length; i++) {
            dev[i] = Math.abs(window[i] - median);
        }
        double mad = median(dev) * NORMAL_CONSISTENCY;
        double d = Math.abs(value - median);
        if (mad == 0) {
            return d == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return d / mad;
    }

    /** Whether {@code value} is anomalous against {@code window}; see {@link #score}. */
    public boolean isAnomalous(double[] window, double value) {
        return score(window, value) > threshold;
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
