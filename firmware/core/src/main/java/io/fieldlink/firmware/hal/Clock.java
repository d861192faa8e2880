package io.fieldlink.firmware.hal;

/**
 * The board's clocks: a monotonic millisecond counter that starts near zero at boot and never goes
 * back, and a wall clock (Unix epoch milliseconds) that is unknown until the host's {@code hello}
 * answer sets it. Called on the event-loop thread; never blocks, never allocates.
 */
public interface Clock {
    /** @return milliseconds since an arbitrary origin (boot); never decreases */
    long monotonicMillis();

    /** @return true once {@link #setWallMillis(long)} has been called since boot */
    boolean wallTimeKnown();

    /**
     * @return Unix epoch milliseconds, or the monotonic value when the wall time is not known yet
     *     (so callers must check {@link #wallTimeKnown()} before trusting it)
     */
    long wallMillis();

    /**
     * Sets the wall clock; it then advances with the monotonic clock.
     *
     * @param epochMillis Unix epoch milliseconds
     */
    void setWallMillis(long epochMillis);
}
