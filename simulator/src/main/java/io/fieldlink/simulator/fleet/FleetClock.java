package io.fieldlink.simulator.fleet;

/**
 * The fleet's time, epoch milliseconds: moved only by the scheduler thread, read by anyone (the
 * host's clock in an in-process run reads it too). In paced mode (real time or x N) the scheduler
 * waits until the real clock catches up with the next event; with speed 0 it jumps (virtual time,
 * as fast as it goes). Thread-safe reads.
 */
public final class FleetClock {
    private final double speed;
    private volatile long now;
    private long realBaseNanos;
    private long virtualBase;

    /**
     * @param startMillis the fleet's epoch time at start
     * @param speed 1 for real time, N for N times faster, 0 for virtual time as fast as it goes
     */
    public FleetClock(long startMillis, double speed) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be 0 (virtual) or positive: " + speed);
        }
        this.speed = speed;
        this.now = startMillis;
        rebase();
    }

    /** @return the fleet's current time, epoch ms */
    public long millis() {
        return now;
    }

    /** @return true for virtual time (no pacing) */
    public boolean virtual() {
        return speed == 0;
    }

    /** @return the speed-up over real time, 0 for virtual time */
    public double speed() {
        return speed;
    }

    void advanceTo(long t) {
        if (t > now) {
            now = t;
        }
    }

    /** Restarts pacing from the current fleet time (after a pause, so time does not jump). */
    void rebase() {
        realBaseNanos = System.nanoTime();
        virtualBase = now;
    }

    /** Pacing: a pause of {@code nanos} real time (waiting for the host) does not make time jump. */
    void rebaseAfterPause(long nanos) {
        realBaseNanos += nanos;
    }

    /** @return real nanoseconds to wait until fleet time {@code t} is due (0 when due, or virtual) */
    long nanosUntil(long t) {
        if (speed == 0) {
            return 0;
        }
        double realMillis = (t - virtualBase) / speed;
        long dueNanos = realBaseNanos + (long) (realMillis * 1_000_000L);
        return Math.max(0, dueNanos - System.nanoTime());
    }
}
