package io.fieldlink.firmware.jvm.loop;

import io.fieldlink.firmware.hal.Clock;

/**
 * The board clock on a JVM: monotonic time from {@link System#nanoTime()} (zero at construction) and
 * a wall clock. {@link #SystemClock()} starts with the wall time unknown until the host's
 * {@code hello} answer sets it (as a board without a real-time clock); {@link #trustingOsClock()}
 * starts it from the operating system's clock (NTP or an RTC on a Raspberry Pi), known at boot, so
 * a board that reboots offline keeps time-stamping and booking; a later {@code hello} still corrects
 * it. Thread-safe.
 *
 * <p>{@link #advance} lets time jump forward (monotonic and wall time together): the HIL rigs' time
 * warp ({@code fieldlink board --time-warp}, a test facility, see {@code TimeWarpControl}) only; a board
 * in the field never calls it.
 */
public final class SystemClock implements Clock {
    private final long originNanos = System.nanoTime();
    private volatile long wallOffsetMillis;
    private volatile boolean wallKnown;
    private volatile long warpMillis;

    /** A clock whose wall time is unknown until {@link #setWallMillis(long)}. */
    public SystemClock() {
    }

    /** @return a clock whose wall time is the operating system's, known from the start */
    public static SystemClock trustingOsClock() {
        SystemClock clock = new SystemClock();
        clock.setWallMillis(System.currentTimeMillis());
        return clock;
    }

    @Override
    public long monotonicMillis() {
        return (System.nanoTime() - originNanos) / 1_000_000L + warpMillis;
    }

    /**
     * Moves the clock forward at once: monotonic and wall time jump by {@code millis} (a test rig's time
     * warp; see the class comment).
     *
     * @param millis how far, not negative
     * @throws IllegalArgumentException for a negative jump (time never runs backwards)
     */
    public synchronized void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("the clock only moves forward: " + millis + " ms");
        }
        warpMillis += millis;
    }

    /** @return how far {@link #advance} has moved the clock, ms */
    public long advancedMillis() {
        return warpMillis;
    }

    @Override
    public boolean wallTimeKnown() {
        return wallKnown;
    }

    @Override
    public long wallMillis() {
        return monotonicMillis() + wallOffsetMillis;
    }

    @Override
    public void setWallMillis(long epochMillis) {
        wallOffsetMillis = epochMillis - monotonicMillis();
        wallKnown = true;
    }
}
