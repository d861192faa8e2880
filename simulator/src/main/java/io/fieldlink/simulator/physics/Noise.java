package io.fieldlink.simulator.physics;

/**
 * Deterministic noise: a hash of (seed, key, step) mapped to [0, 1) or to a standard normal. No
 * state, so any instant of any device can be evaluated in any order and a run repeats exactly.
 */
public final class Noise {
    private Noise() {
    }

    static long mix(long seed, long key, long step) {
        long z = seed * 0x9E3779B97F4A7C15L + key * 0xC2B2AE3D27D4EB4FL + step * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public static double uniform(long seed, long key, long step) {
        return (mix(seed, key, step) >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box–Muller over two uniforms). */
    public static double gaussian(long seed, long key, long step) {
        double u1 = Math.max(uniform(seed, key, step * 2), 1e-12);
        double u2 = uniform(seed, key, step * 2 + 1);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
