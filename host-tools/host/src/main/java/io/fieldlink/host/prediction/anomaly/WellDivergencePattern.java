package io.fieldlink.host.prediction.anomaly;

import java.util.ArrayList;
import java.util.List;

/**
 * Well leak or blockage: tubing pressure and flow normally move together (both decline slowly).
 * Each is tracked by a slow baseline EWMA and a fast recent EWMA; when they move apart by at least
 * {@code threshold} (relative) in opposite directions it is a <b>well-blockage</b> (pressure up, flow
 * down) or a <b>well-leak</b> (pressure down, flow up). Baselines stop learning while either moves
 * beyond half the threshold, so a held divergence stays raised; it clears when both are back within
 * a quarter of it. Mutable, not thread-safe.
 */
public final class WellDivergencePattern {
    /** Channel of the tubing pressure (kPa). */
    public static final String PRESSURE = "tubing_pressure";
    private static final double SLOW = 0.02;
    private static final double FAST = 0.3;
    private final String device;
    private final String flowChannel;
    private final double threshold;
    private final int warmup;
    private final Track pressure = new Track();
    private final Track flow = new Track();
    private String raised;
    private int frozen;

    /**
     * @param flowChannel the flow channel compared, e.g. {@code oil_flow} or {@code gas_flow}
     * @param threshold relative move that counts, e.g. 0.15
     * @param warmup readings of each channel before judging, e.g. 48
     */
    public WellDivergencePattern(String device, String flowChannel, double threshold, int warmup) {
        this.device = device;
        this.flowChannel = flowChannel;
        this.threshold = threshold;
        this.warmup = warmup;
    }

    /** @return findings for a reading of {@code channel} */
    public List<Finding> accept(String channel, long timeMillis, double value) {
        Track t = channel.equals(PRESSURE) ? pressure : channel.equals(flowChannel) ? flow : null;
        if (t == null || timeMillis <= t.lastTime) {
            return List.of();
        }
        t.lastTime = timeMillis;
        boolean learn = Math.abs(pressure.rel()) < threshold / 2 && Math.abs(flow.rel()) < threshold / 2;
        frozen = learn ? 0 : frozen + 1;
        if (raised == null && frozen > 4 * warmup) {
            learn = true;
        }
        t.add(value, learn);
        List<Finding> out = new ArrayList<>(1);
        if (pressure.n < warmup || flow.n < warmup) {
            return out;
        }
        double dp = pressure.rel();
        double dq = flow.rel();
        String verdict = null;
        if (dp >= threshold && dq <= -threshold) {
            verdict = "well-blockage";
        } else if (dp <= -threshold && dq >= threshold) {
            verdict = "well-leak";
        }
        if (verdict != null && raised == null) {
            raised = verdict;
            out.add(new Finding(device, verdict, PRESSURE + "+" + flowChannel, timeMillis, true, Finding.evidence(
                    "pressureBaseline", pressure.slow, "pressureRecent", pressure.fast, "pressureChange", dp,
                    "flowChannel", flowChannel, "flowBaseline", flow.slow, "flowRecent", flow.fast, "flowChange", dq)));
        } else if (raised != null && Math.abs(dp) < threshold / 4 && Math.abs(dq) < threshold / 4) {
            out.add(new Finding(device, raised, PRESSURE + "+" + flowChannel, timeMillis, false,
                    Finding.evidence("pressureChange", dp, "flowChange", dq)));
            raised = null;
        }
        return out;
    }

    private static final class Track {
        double slow = Double.NaN;
        double fast = Double.NaN;
        long n;
        long lastTime = Long.MIN_VALUE;

        void add(double v, boolean learn) {
            n++;
            if (Double.isNaN(slow)) {
                slow = v;
                fast = v;
                return;
            }
            fast += FAST * (v - fast);
            if (learn || n < 10) {
                slow += SLOW * (v - slow);
            }
        }

        double rel() {
            return Double.isNaN(slow) || slow == 0 ? 0 : fast / slow - 1;
        }
    }
}
