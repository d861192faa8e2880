package io.fieldlink.host.prediction.anomaly;

import java.util.ArrayList;
import java.util.List;

/**
 * Theft and bypass on one meter. Two conditions:
 * <ul>
 * <li><b>theft-bypass</b>: between two {@code energy} counter readings at least {@code minWindow}
 * apart, the load was present (mean {@code active_power} at least {@code minLoadWatts}) but the
 * counter rose by less than {@code ratio} of the energy that load implies (mean power × time).
 * Cleared when a later window measures at least {@code clearRatio} of it.</li>
 * <li><b>reverse-energy</b>: the import counter went backwards, or active power was negative beyond
 * {@code minLoadWatts} (a reversed or tampered connection on an import-only meter). Cleared after a
 * window with neither.</li>
 * </ul>
 * Mutable, not thread-safe.
 */
public final class MeterTheftPattern {
    /** Channel of the energy import counter (Wh). */
    public static final String ENERGY = "energy";
    /** Channel of active power (W). */
    public static final String POWER = "active_power";
    private final String device;
    private final long minWindowMillis;
    private final double minLoadWatts;
    private final double ratio;
    private final double clearRatio;
    private long energyTime = Long.MIN_VALUE;
    private double energy = Double.NaN;
    private double powerSum;
    private int powerCount;
    private long lastPowerTime = Long.MIN_VALUE;
    private boolean reverseSeen;
    private boolean bypassRaised;
    private boolean reverseRaised;

    /**
     * @param minWindowMillis shortest energy interval judged, e.g. 30 minutes
     * @param minLoadWatts mean power that counts as load present, e.g. 100 W
     * @param ratio measured/expected below which the window is theft, e.g. 0.5
     * @param clearRatio measured/expected at or above which it clears, e.g. 0.8
     */
    public MeterTheftPattern(String device, long minWindowMillis, double minLoadWatts, double ratio, double clearRatio) {
        this.device = device;
        this.minWindowMillis = minWindowMillis;
        this.minLoadWatts = minLoadWatts;
        this.ratio = ratio;
        this.clearRatio = clearRatio;
    }

    /** @return findings for a reading of {@code channel} (other channels are ignored) */
    public List<Finding> accept(String channel, long timeMillis, double value) {
        List<Finding> out = new ArrayList<>(1);
        if (channel.equals(POWER)) {
            if (timeMillis > lastPowerTime) {
                lastPowerTime = timeMillis;
                powerSum += value;
                powerCount++;
                if (value < -minLoadWatts) {
                    reverseSeen = true;
                    if (!reverseRaised) {
                        reverseRaised = true;
                        out.add(new Finding(device, "reverse-energy", POWER, timeMillis, true,
                                Finding.evidence("activePowerW", value, "limitW", -minLoadWatts)));
                    }
                }
            }
            return out;
        }
        if (!channel.equals(ENERGY) || timeMillis <= energyTime) {
            return out;
        }
        if (Double.isNaN(energy)) {
            start(timeMillis, value);
            return out;
        }
        if (value < energy) {
            reverseSeen = true;
            if (!reverseRaised) {
                reverseRaised = true;
                out.add(new Finding(device, "reverse-energy", ENERGY, timeMillis, true,
                        Finding.evidence("previousWh", energy, "nowWh", value, "decreaseWh", energy - value)));
            }
            start(timeMillis, value);
            return out;
        }
        long dt = timeMillis - energyTime;
        if (dt < minWindowMillis) {
            return out;
        }
        if (reverseRaised && !reverseSeen) {
            reverseRaised = false;
            out.add(new Finding(device, "reverse-energy", ENERGY, timeMillis, false, Finding.evidence("nowWh", value)));
        }
        if (powerCount > 0) {
            double meanPower = powerSum / powerCount;
            double expected = meanPower * dt / 3_600_000.0;
            double measured = value - energy;
            if (meanPower >= minLoadWatts) {
                double r = measured / expected;
                if (!bypassRaised && r < ratio) {
                    bypassRaised = true;
                    out.add(new Finding(device, "theft-bypass", ENERGY, timeMillis, true, Finding.evidence(
                            "meanActivePowerW", meanPower, "hours", dt / 3_600_000.0, "expectedWh", expected,
                            "measuredWh", measured, "ratio", r)));
                } else if (bypassRaised && r >= clearRatio) {
                    bypassRaised = false;
                    out.add(new Finding(device, "theft-bypass", ENERGY, timeMillis, false,
                            Finding.evidence("expectedWh", expected, "measuredWh", measured, "ratio", r)));
                }
            }
        }
        start(timeMillis, value);
        return out;
    }

    private void start(long timeMillis, double value) {
        energyTime = timeMillis;
        energy = value;
        powerSum = 0;
        powerCount = 0;
        reverseSeen = false;
    }
}
