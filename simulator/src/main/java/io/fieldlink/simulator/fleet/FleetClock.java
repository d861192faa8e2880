package io.fieldlink.simulator.fleet;

import java.util.function.LongSupplier;

/**
 * The fleet's time, epoch milliseconds: moved only by the scheduler threads, read by anyone. In paced
 * mode (real time or x N) the scheduler waits until the real clock catches up with the next event,
 * and fleet time stays tied to the real clock ({@link #pacedMillis()}: it never pauses); with speed 0
 * it jumps (virtual time, as fast as it goes). Thread-safe reads.
 *
 * <p>Two readings: {@link #millis()} is the fleet's time between runs and in paced time the time of
 * the event being run (a board's clock reads its shard's time, {@link Shard#millis()}: in virtual
 * time a board held back waiting for the host runs its events later, so that may step back when
 * the scheduler turns to it), and {@link #hostMillis()} is what a host in the same process
 * reads: the furthest time the fleet has reached (with several shards, the furthest every shard has
 * reached), never going back, except, in virtual time, while
 * a board's hello is with the host, when it reads the hello's own time (the answer tells the board
 * the time, and must not depend on how far the other boards ran meanwhile). In paced time a hello's
 * answer carries whatever the host's clock reads when it answers, as on a real network.
 */
public final class FleetClock {
    private final double speed;
    private volatile long now;
    private final java.util.concurrent.atomic.AtomicLong frontier = new java.util.concurrent.atomic.AtomicLong();
    private volatile long helloAt = Long.MIN_VALUE;
    private volatile java.util.function.LongSupplier slowest;
    private final LongSupplier nanoTime;
    private long realBaseNanos;
    private long virtualBase;

    /**
     * @param startMillis the fleet's epoch time at start
     * @param speed 1 for real time, N for N times faster, 0 for virtual time as fast as it goes
     */
    public FleetClock(long startMillis, double speed) {
        this(startMillis, speed, System::nanoTime);
    }

    /**
     * @param nanoTime the real clock paced time follows ({@link System#nanoTime()}; tests drive a fake one)
     */
    FleetClock(long startMillis, double speed, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be 0 (virtual) or positive: " + speed);
        }
        this.speed = speed;
        this.now = startMillis;
        this.frontier.set(startMillis);
        rebase();
    }

    /** @return the fleet's current time, epoch ms */
    public long millis() {
        return now;
    }

    /** @return the host's time: the furthest the fleet has reached (or a pending hello's time), epoch ms */
    public long hostMillis() {
        long h = helloAt;
        if (h != Long.MIN_VALUE) {
            return h;
        }
        java.util.function.LongSupplier s = slowest;
        return s != null ? s.getAsLong() : frontier.get();
    }

    /**
     * @param slowest with the boards on several scheduler threads: the furthest time every one of
     *     them has reached, which the host's clock then reads (a pump books no slot that the host
     *     thinks is over only because another thread's boards ran further)
     */
    void hostFollows(java.util.function.LongSupplier slowest) {
        this.slowest = slowest;
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
        reach(t);
    }

    /** The scheduler turns to an event at {@code t} (earlier than the frontier for a board held back). */
    void runAt(long t) {
        now = t;
        reach(t);
    }

    /** A scheduler thread (one of the shards in virtual time) ran an event at {@code t}. */
    void reach(long t) {
        long f = frontier.get();
        while (t > f && !frontier.compareAndSet(f, t)) {
            f = frontier.get();
        }
    }

    /** @return the furthest fleet time reached */
    long frontier() {
        return frontier.get();
    }

    /** @param t the time of the hello now with the host, or Long.MIN_VALUE when none is */
    void helloAt(long t) {
        helloAt = t;
    }

    /** Restarts pacing from the current fleet time (after a pause, so time does not jump). */
    void rebase() {
        realBaseNanos = nanoTime.getAsLong();
        virtualBase = now;
    }

    /** @return the real clock's nanoseconds (the one pacing follows) */
    long nanoTime() {
        return nanoTime.getAsLong();
    }

    /** @return paced time: the fleet time the real clock says it is now (epoch ms; virtual: {@link #millis()}) */
    long pacedMillis() {
        if (speed == 0) {
            return now;
        }
        return virtualBase + (long) Math.floor((nanoTime.getAsLong() - realBaseNanos) / 1e6 * speed);
    }

    /** @return real nanoseconds to wait until fleet time {@code t} is due (0 when due, or virtual) */
    long nanosUntil(long t) {
        if (speed == 0) {
            return 0;
        }
        double realMillis = (t - virtualBase) / speed;
        long dueNanos = realBaseNanos + (long) (realMillis * 1_000_000L);
        return Math.max(0, dueNanos - nanoTime.getAsLong());
    }
}
