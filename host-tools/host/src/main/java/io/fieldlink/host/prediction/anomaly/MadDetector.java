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

    /**
     * {@link #score} for a window held sorted: the same result (bit for bit) in linear time without
     * copying, for a caller that keeps its window sorted as readings come and go.
     *
     * @param sorted the window's readings in {@link Arrays#sort(double[])} order in {@code sorted[0..n)}
     * @param n readings in the window, at least one
     * @throws IllegalArgumentException if the window is empty
     */
    public double scoreSorted(double[] sorted, int n, double value) {
        if (n == 0) {
            throw new IllegalArgumentException("window: at least one reading is needed");
        }
        int k = n / 2;
        double median = n % 2 == 1 ? sorted[k] : (sorted[k - 1] + sorted[k]) / 2;
        // the deviations in increasing order: walk outwards from the median on both sides
        int hi = 0;
        while (hi < n && Double.compare(sorted[hi], median) < 0) {
            hi++;
        }
        int lo = hi - 1;
        double previous = 0;
        double current = 0;
        for (int c = 0; c <= k; c++) {
            double below = lo >= 0 ? Math.abs(sorted[lo] - median) : Double.POSITIVE_INFINITY;
            double above = hi < n ? Math.abs(sorted[hi] - median) : Double.POSITIVE_INFINITY;
            previous = current;
            if (Double.compare(below, above) <= 0) {
                current = below;
                lo--;
            } else {
                current = above;
                hi++;
            }
        }
        double mad = (n % 2 == 1 ? current : (previous + current) / 2) * NORMAL_CONSISTENCY;
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

    /**
     * The median as a full sort would give it (same order as {@link Arrays#sort(double[])}), found
     * by selection in linear time: this runs for every reading of every watched channel. Reorders
     * {@code v}.
     */
    static double median(double[] v) {
        int n = v.length;
        int k = n / 2;
        select(v, k);
        if (n % 2 == 1) {
            return v[k];
        }
        // after selecting k, v[0..k) holds the k smallest: the largest of them is the other middle
        double below = v[0];
        for (int i = 1; i < k; i++) {
            if (Double.compare(v[i], below) > 0) {
                below = v[i];
            }
        }
        return (below + v[k]) / 2;
    }

    /**
     * Rearranges {@code v} so that v[k] is the k-th smallest, nothing after it smaller, nothing
     * before it larger (three-way partitions, so a window of equal readings takes one pass).
     */
    private static void select(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three as the pivot
            double a = v[lo];
            double b = v[mid];
            double c = v[hi];
            double pivot = Double.compare(a, b) < 0
                    ? (Double.compare(b, c) < 0 ? b : Double.compare(a, c) < 0 ? c : a)
                    : (Double.compare(a, c) < 0 ? a : Double.compare(b, c) < 0 ? c : b);
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                int cmp = Double.compare(v[i], pivot);
                if (cmp < 0) {
                    swap(v, lt++, i++);
                } else if (cmp > 0) {
                    swap(v, i, gt--);
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return;
            }
        }
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}
