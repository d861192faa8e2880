package io.fieldlink.host.prediction.anomaly;

import java.util.ArrayList;
import java.util.List;

/**
 * Storage leak at a pump station: during a quiet spell (no sale, nozzle closed) the cascade storage
 * pressure should hold; a fall of at least {@code minDropBar} at no less than {@code minRateBarPerHour}
 * over at least {@code minQuietMillis} is a leak. A sale, a dispenser not idle, the nozzle opening
 * (if a client sends {@code nozzle}; the pump board does not) or the pressure rising
 * again (compressor refill) starts a new quiet spell and clears a raised leak. Mutable, not
 * thread-safe.
 */
public final class PumpLeakPattern {
    /** Channel of the storage pressure (bar). */
    public static final String PRESSURE = "storage_pressure";
    /** Channel of the nozzle switch (0 closed, 1 open). */
    public static final String NOZZLE = "nozzle";
    /** Event type of the pump's dispenser state (SenML string in the station pack). */
    public static final String DISPENSE_STATE = "dispense_state";
    /** Event type of a finished fill. */
    public static final String SALE = "sale";
    private static final double REFILL_BAR = 2;
    private final String device;
    private final long minQuietMillis;
    private final double minDropBar;
    private final double minRateBarPerHour;
    private long quietSince = Long.MIN_VALUE;
    private double peak = Double.NaN;
    private long peakTime;
    private long lastTime = Long.MIN_VALUE;
    private boolean raised;

    /**
     * @param minQuietMillis shortest quiet spell judged, e.g. one hour
     * @param minDropBar smallest fall from the spell's peak, e.g. 5 bar
     * @param minRateBarPerHour smallest rate of fall, e.g. 2 bar/h
     */
    public PumpLeakPattern(String device, long minQuietMillis, double minDropBar, double minRateBarPerHour) {
        this.device = device;
        this.minQuietMillis = minQuietMillis;
        this.minDropBar = minDropBar;
        this.minRateBarPerHour = minRateBarPerHour;
    }

    /** A sale or nozzle activity ended at {@code timeMillis}: the quiet spell restarts. */
    public List<Finding> activity(long timeMillis, String why) {
        List<Finding> out = new ArrayList<>(1);
        if (raised) {
            raised = false;
            out.add(new Finding(device, "pump-leak", PRESSURE, timeMillis, false, Finding.evidence("restartedBy", why)));
        }
        quietSince = Math.max(quietSince, timeMillis);
        peak = Double.NaN;
        return out;
    }

    /** @return findings for a reading of {@code channel} */
    public List<Finding> accept(String channel, long timeMillis, double value) {
        if (channel.equals(NOZZLE)) {
            return value != 0 ? activity(timeMillis, "nozzle") : List.of();
        }
        List<Finding> out = new ArrayList<>(1);
        if (!channel.equals(PRESSURE) || timeMillis <= lastTime || timeMillis < quietSince) {
            return out;
        }
        lastTime = timeMillis;
        if (quietSince == Long.MIN_VALUE) {
            quietSince = timeMillis;
        }
        if (Double.isNaN(peak) || value >= peak) {
            if (raised && value > peak + REFILL_BAR) {
                out.addAll(activity(timeMillis, "refill"));
            }
            if (Double.isNaN(peak) || value >= peak) {
                peak = value;
                peakTime = timeMillis;
            }
            return out;
        }
        double drop = peak - value;
        double hours = (timeMillis - peakTime) / 3_600_000.0;
        boolean quietLongEnough = timeMillis - quietSince >= minQuietMillis && timeMillis - peakTime >= minQuietMillis;
        if (!raised && quietLongEnough && drop >= minDropBar && drop / hours >= minRateBarPerHour) {
            raised = true;
            out.add(new Finding(device, "pump-leak", PRESSURE, timeMillis, true, Finding.evidence(
                    "peakBar", peak, "nowBar", value, "dropBar", drop, "hours", hours, "barPerHour", drop / hours,
                    "sales", 0)));
        }
        return out;
    }
}
