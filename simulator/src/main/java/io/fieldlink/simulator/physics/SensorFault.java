package io.fieldlink.simulator.physics;

/** What can go wrong with a sensor, applied to the true value on its way to the board. */
public enum SensorFault {
    NONE,
    /** Reports the value it had when the fault began. */
    STUCK,
    /** Reports the value with large noise. */
    NOISY,
    /** Reports far outside its range. */
    OUT_OF_RANGE;

    /**
     * @param value the true value
     * @param stuckAt the value when the fault began
     * @param rangeMax the channel's maximum
     */
    public double apply(double value, double stuckAt, double rangeMax, long seed, long step) {
        return switch (this) {
            case NONE -> value;
            case STUCK -> stuckAt;
            case NOISY -> value + 0.2 * rangeMax * Noise.gaussian(seed, 30, step);
            case OUT_OF_RANGE -> rangeMax * 3;
        };
    }
}
