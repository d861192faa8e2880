package io.fieldlink.host.prediction.anomaly;

/**
 * Exponentially weighted mean and variance of a channel; a reading scores |x − mean| / sd against
 * the state before it. Readings beyond the threshold update the state only up to the threshold
 * (winsorised), so one spike does not drag the baseline. Scores are 0 until {@code warmup} readings
 * have been seen. Mutable, not thread-safe.
 */
public final class EwmaDetector {
    private final double lambda;
    private final double threshold;
    private final int warmup;
    private double mean;
    private double variance;
    private long seen;

    /**
     * @param lambda weight of a new reading, in (0, 1), e.g. 0.05
     * @param threshold score above which a reading is anomalous, positive
     * @param warmup readings needed before scoring, at least 2
     * @throws IllegalArgumentException naming the first bad argument
     */
    public EwmaDetector(double lambda, double threshold, int warmup) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda: must be in (0, 1), got " + lambda);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold: must be positive, got " + threshold);
        }
        if (warmup < 2) {
            throw new IllegalArgumentException("warmup: at least 2 readings, got " + warmup);
        }
        this.lambda = lambda;
        this.threshold = threshold;
        this.warmup = warmup;
    }

    /**
     * Scores {@code x} and then learns from it.
     *
     * @return the score of x against the state before it (0 during warm-up)
     */
    public double accept(double x) {
        seen++;
        if (seen == 1) {
            mean = x;
            variance = 0;
            return 0;
        }
        double sd = Math.sqrt(variance);
        double floor = 1e-9 + 1e-6 * Math.abs(mean);
        double score = seen > warmup ? Math.abs(x - mean) / Math.max(sd, floor) : 0;
        double learned = x;
        if (seen > warmup && score > threshold) {
            learned = mean + Math.signum(x - mean) * threshold * Math.max(sd, floor);
        }
        double d = learned - mean;
        if (seen <= warmup) {
            double k = 1.0 / seen;
            mean += k * d;
            variance = (1 - k) * (variance + k * d * d);
        } else {
            mean += lambda * d;
            variance = (1 - lambda) * (variance + lambda * d * d);
        }
        return score;
    }

    /** @return whether a score is above the threshold */
    public boolean isAnomalous(double score) {
        return score > threshold;
    }

    /** @return the current mean */
    public double mean() {
        return mean;
    }

    /** @return the current standard deviation */
    public double sd() {
        return Math.sqrt(variance);
    }
}
