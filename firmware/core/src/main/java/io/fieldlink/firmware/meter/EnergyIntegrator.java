package io.fieldlink.firmware.meter;

/**
 * Integrates active power over time into whole Wh with no drift and no rounding loss.
 *
 * <p>Energy is accumulated exactly in milliwatt-milliseconds; every completed Wh
 * (3,600,000,000 mW·ms) moves to the register and the remainder is carried, so the register after
 * any sequence of samples equals floor(Σ power·duration / 3.6e9) exactly. Import only: a negative
 * power (export) or duration adds nothing. Not thread-safe.
 */
public final class EnergyIntegrator {

    /** mW·ms in one Wh. */
    public static final long MILLIWATT_MILLIS_PER_WH = 3600000000L;
    /** Largest power one call accepts, 1 MW in mW; larger values are clamped. */
    public static final long MAX_POWER_MILLIWATTS = 1000000000L;
    /** Largest duration one call accepts, one hour; longer spans are clamped. */
    public static final long MAX_DURATION_MILLIS = 3600000L;

    private long totalWh;
    private long remainder;

    /**
     * Adds {@code powerMilliwatts} held for {@code durationMillis}.
     *
     * @return the whole Wh completed by this call (0 or more)
     */
    public long add(long powerMilliwatts, long durationMillis) {
        if (powerMilliwatts <= 0 || durationMillis <= 0) {
            return 0;
        }
        long p = powerMilliwatts > MAX_POWER_MILLIWATTS ? MAX_POWER_MILLIWATTS : powerMilliwatts;
        long d = durationMillis > MAX_DURATION_MILLIS ? MAX_DURATION_MILLIS : durationMillis;
        long sum = p * d + remainder;
        long whole = sum / MILLIWATT_MILLIS_PER_WH;
        remainder = sum - whole * MILLIWATT_MILLIS_PER_WH;
        totalWh += whole;
        return whole;
    }

    /** The energy register, in Wh. */
    public long totalWh() {
        return totalWh;
    }

    /** The carried part of the next Wh, in mW·ms (0 ≤ value &lt; 3.6e9). */
    public long remainderMilliwattMillis() {
        return remainder;
    }

    /**
     * Restores a persisted register.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public void restore(long wh, long remainderMilliwattMillis) {
        if (wh < 0 || remainderMilliwattMillis < 0 || remainderMilliwattMillis >= MILLIWATT_MILLIS_PER_WH) {
            throw new IllegalArgumentException("energy register out of range: wh=" + wh
                    + " remainder=" + remainderMilliwattMillis);
        }
        this.totalWh = wh;
        this.remainder = remainderMilliwattMillis;
    }
}
