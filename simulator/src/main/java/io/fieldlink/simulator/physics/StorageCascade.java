package io.fieldlink.simulator.physics;

/**
 * A station's CNG storage cascade: pressure falls as gas is dispensed (or leaks) and a compressor
 * refills it toward 250 bar. Integrated step by step by the simulator; not thread-safe.
 */
public final class StorageCascade {
    private static final double FULL_KPA = 25_000;
    private static final double KPA_PER_KG = 60;
    private static final double REFILL_KPA_PER_MINUTE = 120;

    private double pressureKpa = FULL_KPA;
    private double leakKpaPerMinute;

    public double pressureKpa() {
        return pressureKpa;
    }

    public void dispensed(long grams) {
        pressureKpa = Math.max(0, pressureKpa - grams / 1000.0 * KPA_PER_KG);
    }

    /** A leak: pressure falls without sales. */
    public void leak(double kpaPerMinute) {
        this.leakKpaPerMinute = kpaPerMinute;
    }

    public void advance(long millis) {
        double minutes = millis / 60_000.0;
        pressureKpa = Math.max(0, Math.min(FULL_KPA, pressureKpa + (REFILL_KPA_PER_MINUTE - leakKpaPerMinute) * minutes));
    }
}
