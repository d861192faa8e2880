package io.fieldlink.simulator.physics;

/**
 * The supply as a meter sees it: nominal voltage and frequency with slow drift, noise and occasional
 * disturbances (sags and swells of a few minutes). Thread-safe (stateless).
 */
public final class Grid {
    private static final long DISTURBANCE_SLOT_MILLIS = 10 * 60_000L;

    private final long seed;
    private final double nominalVolts;
    private final double nominalHertz;

    public Grid(long seed, double nominalVolts, double nominalHertz) {
        this.seed = seed;
        this.nominalVolts = nominalVolts;
        this.nominalHertz = nominalHertz;
    }

    public double volts(long epochMillis) {
        long minute = epochMillis / 60_000L;
        double drift = 0.02 * Math.sin(2 * Math.PI * minute / 1440.0);
        double disturbance = 0;
        double draw = Noise.uniform(seed, 10, epochMillis / DISTURBANCE_SLOT_MILLIS);
        if (draw < 0.01) {
            disturbance = -0.15;
        } else if (draw < 0.015) {
            disturbance = 0.10;
        }
        return nominalVolts * (1 + drift + disturbance + 0.005 * Noise.gaussian(seed, 11, epochMillis / 1000L));
    }

    public double hertz(long epochMillis) {
        return nominalHertz + 0.03 * Noise.gaussian(seed, 12, epochMillis / 10_000L);
    }
}
