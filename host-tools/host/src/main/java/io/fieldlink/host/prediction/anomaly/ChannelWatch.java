package io.fieldlink.host.prediction.anomaly;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches one channel of one device with both robust detectors: the MAD score against the last
 * {@code window} readings and the EWMA score. A reading is an outlier when both scores pass their
 * thresholds (extreme against the last day's spread and against the recent trend: either alone
 * fires on skewed daily peaks or sawtooth refills); the watch raises a finding on the first outlier and clears it after {@code clearAfter}
 * normal readings in a row. Counter channels are watched as their rate per hour. Readings older than
 * the last one seen are ignored (backfill does not reorder the state). Mutable, not thread-safe.
 */
public final class ChannelWatch {
    private final String device;
    private final String channel;
    private final boolean counter;
    private final Settings settings;
    private final MadDetector mad;
    private final EwmaDetector ewma;
    private final double[] ring;
    /** The ring's readings kept sorted, so the MAD score needs no copy and no sort per reading. */
    private final double[] sorted;
    private int filled;
    private int next;
    private long lastTime = Long.MIN_VALUE;
    private double lastRaw = Double.NaN;
    private boolean raised;
    private int normalRun;

    /**
     * Detector thresholds and sizes.
     *
     * @param window readings in the MAD reference window
     * @param madThreshold robust z-score threshold
     * @param lambda EWMA weight
     * @param ewmaThreshold EWMA score threshold
     * @param clearAfter normal readings in a row that clear a raised finding
     */
    public record Settings(int window, double madThreshold, double lambda, double ewmaThreshold, int clearAfter) {
        /** The settings whose false-positive rate is measured in docs/predictions.md. */
        public static Settings defaults() {
            return new Settings(96, 6, 0.05, 6, 4);
        }
    }

    /**
     * @param counter true for a counter channel (watched as its increase per hour)
     */
    public ChannelWatch(String device, String channel, boolean counter, Settings settings) {
        this.device = device;
        this.channel = channel;
        this.counter = counter;
        this.settings = settings;
        this.mad = new MadDetector(settings.madThreshold());
        this.ewma = new EwmaDetector(settings.lambda(), settings.ewmaThreshold(), Math.max(8, settings.window()));
        this.ring = new double[settings.window()];
        this.sorted = new double[settings.window()];
    }

    /**
     * Takes a reading.
     *
     * @return a raised or cleared finding when the verdict changed, else empty
     */
    public List<Finding> accept(long timeMillis, double value) {
        List<Finding> out = new ArrayList<>(1);
        if (timeMillis <= lastTime || !Double.isFinite(value)) {
            return out;
        }
        double x = value;
        if (counter) {
            double previous = lastRaw;
            long dt = timeMillis - lastTime;
            lastRaw = value;
            lastTime = timeMillis;
            if (Double.isNaN(previous) || value < previous) {
                return out;
            }
            x = (value - previous) * 3_600_000.0 / dt;
        } else {
            lastTime = timeMillis;
        }
        double madScore = filled >= settings.window() / 2 ? mad.scoreSorted(sorted, filled, x) : 0;
        double ewmaScore = ewma.accept(x);
        boolean outlier = madScore > settings.madThreshold() && ewma.isAnomalous(ewmaScore);
        if (outlier) {
            normalRun = 0;
            if (!raised) {
                raised = true;
                out.add(new Finding(device, "outlier", channel, timeMillis, true, Finding.evidence(
                        "value", x, "madScore", madScore, "ewmaScore", ewmaScore, "ewmaMean", ewma.mean(),
                        "ewmaSd", ewma.sd(), "unit", counter ? "per hour" : "reading")));
            }
        } else if (raised && ++normalRun >= settings.clearAfter()) {
            raised = false;
            out.add(new Finding(device, "outlier", channel, timeMillis, false, Finding.evidence("value", x)));
        }
        if (filled == ring.length) {
            removeSorted(ring[next]);
        }
        insertSorted(x);
        ring[next] = x;
        next = (next + 1) % ring.length;
        filled = Math.min(ring.length, filled + 1);
        return out;
    }

    /** Removes one reading equal to {@code v} from {@code sorted[0..filled)} (it is there). */
    private void removeSorted(double v) {
        int lo = 0;
        int hi = filled - 1;
        int at = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Double.compare(sorted[mid], v);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                at = mid;
                break;
            }
        }
        if (at < 0) {
            throw new IllegalStateException("reading " + v + " missing from the sorted window");
        }
        System.arraycopy(sorted, at + 1, sorted, at, filled - at - 1);
        filled--;
    }

    /** Inserts {@code v} into {@code sorted[0..filled)}, keeping it sorted; {@code filled} is not changed. */
    private void insertSorted(double v) {
        int at = 0;
        int hi = filled;
        while (at < hi) {
            int mid = (at + hi) >>> 1;
            if (Double.compare(sorted[mid], v) <= 0) {
                at = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(sorted, at, sorted, at + 1, filled - at);
        sorted[at] = v;
    }

    /** @return whether an outlier finding is raised now */
    public boolean raised() {
        return raised;
    }
}
