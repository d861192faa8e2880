package io.fieldlink.firmware.pump;

/**
 * Converts flow-meter pulses into whole grams with a carried remainder, so no fraction of a gram
 * is ever lost: after n pulses, grams == floor(n * 1000 / pulsesPerKg) exactly.
 * Allocation-free; not thread-safe.
 */
public final class MassCounter {
    private final int pulsesPerKg;
    private long grams;
    private long remainder;
    private long pulses;

    /** @param pulsesPerKg meter constant from the board file, 1..1,000,000 */
    public MassCounter(int pulsesPerKg) {
        if (pulsesPerKg < 1 || pulsesPerKg > 1000000) {
            throw new IllegalArgumentException("pulsesPerKg: " + pulsesPerKg + " not in 1..1000000");
        }
        this.pulsesPerKg = pulsesPerKg;
    }

    /** Counts one pulse. */
    public void pulse() {
        pulses++;
        remainder += 1000;
        grams += remainder / pulsesPerKg;
        remainder %= pulsesPerKg;
    }

    /** @return the grams the counter would show after one more pulse */
    public long gramsAfterNextPulse() {
        return grams + (remainder + 1000) / pulsesPerKg;
    }

    public long grams() {
        return grams;
    }

    public long pulses() {
        return pulses;
    }

    /** Starts a new fill at zero. */
    public void reset() {
        grams = 0;
        remainder = 0;
        pulses = 0;
    }
}
