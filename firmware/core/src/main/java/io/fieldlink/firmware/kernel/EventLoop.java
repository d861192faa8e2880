package io.fieldlink.firmware.kernel;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.hal.Log;
import io.fieldlink.firmware.hal.LogLevel;
import io.fieldlink.firmware.hal.Scheduler;
import io.fieldlink.firmware.hal.StorageException;

/**
 * One board's event loop: a {@link Scheduler} over a fixed-capacity timer table, driven from outside.
 * The binding (or simulator) calls {@link #runDue()} whenever it wakes, and uses
 * {@link #nextDueMillis()} to know when to wake next; the loop itself never blocks or sleeps.
 * A task that throws a {@link StorageException} (storage failure, power cut in a write) is a fault
 * the board cannot continue from: it goes to the {@link FaultHandler} (the board resets), or is
 * rethrown when there is none. Any other exception a task throws is logged and the loop goes on.
 * Not thread-safe: use from one thread at a time.
 * Scheduling, cancelling and running allocate nothing once the table has grown to its peak size.
 */
public final class EventLoop implements Scheduler {
    private final Clock clock;
    private final Log log;
    private Runnable[] tasks;
    private long[] due;
    private long[] order;
    private int count;
    private long nextOrder;
    private FaultHandler faultHandler;

    /**
     * @param clock the board clock (monotonic time decides what is due)
     * @param log where failing tasks are reported
     * @param initialCapacity timers before the table grows
     */
    public EventLoop(Clock clock, Log log, int initialCapacity) {
        if (clock == null || log == null || initialCapacity < 1) {
            throw new IllegalArgumentException("event loop needs a clock, a log and a capacity >= 1");
        }
        this.clock = clock;
        this.log = log;
        this.tasks = new Runnable[initialCapacity];
        this.due = new long[initialCapacity];
        this.order = new long[initialCapacity];
    }

    /** @param handler who handles a task's storage fault (the board), or null to rethrow it */
    public void setFaultHandler(FaultHandler handler) {
        faultHandler = handler;
    }

    /** Cancels every pending task (a reset: nothing of the old run may fire). */
    public void cancelAll() {
        for (int i = 0; i < count; i++) {
            tasks[i] = null;
        }
        count = 0;
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
        if (task == null) {
            throw new IllegalArgumentException("task is null");
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("negative delay " + delayMillis + " ms");
        }
        int i = indexOf(task);
        if (i < 0) {
            if (count == tasks.length) {
                grow();
            }
            i = count++;
            tasks[i] = task;
        }
        due[i] = clock.monotonicMillis() + delayMillis;
        order[i] = nextOrder++;
    }

    @Override
    public void cancel(Runnable task) {
        int i = indexOf(task);
        if (i >= 0) {
            remove(i);
        }
    }

    @Override
    public boolean isScheduled(Runnable task) {
        return indexOf(task) >= 0;
    }

    /** @return how many tasks are pending */
    public int pending() {
        return count;
    }

    /** @return the monotonic time of the earliest pending task, or {@link Long#MAX_VALUE} if none */
    public long nextDueMillis() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            if (due[i] < min) {
                min = due[i];
            }
        }
        return min;
    }

    /**
     * Runs every task that is due now, earliest first. Tasks scheduled while this runs (even with
     * delay 0) wait for the next call, so a task that re-schedules itself cannot starve the loop.
     *
     * @return how many tasks ran
     */
    public int runDue() {
        long now = clock.monotonicMillis();
        long limit = nextOrder;
        int ran = 0;
        while (true) {
            int best = -1;
            for (int i = 0; i < count; i++) {
                if (due[i] <= now && order[i] < limit
                        && (best < 0 || due[i] < due[best] || (due[i] == due[best] && order[i] < order[best]))) {
                    best = i;
                }
            }
            if (best < 0) {
                return ran;
            }
            Runnable task = tasks[best];
            remove(best);
            ran++;
            try {
                task.run();
            } catch (StorageException e) {
                if (faultHandler == null) {
                    throw e;
                }
                faultHandler.onFault(e);
            } catch (RuntimeException e) {
                log.log(LogLevel.ERROR, "loop", "task " + task + " failed: " + e);
            }
        }
    }

    /**
     * For simulators and tests on a fake clock: runs everything due up to {@code untilMillis}, moving
     * time with {@code advance} between due times.
     *
     * @param untilMillis monotonic time to stop at (inclusive)
     * @param advance moves the clock forward by the given milliseconds
     * @return how many tasks ran
     */
    public int runUntil(long untilMillis, ClockAdvance advance) {
        int ran = runDue();
        while (true) {
            long next = nextDueMillis();
            long now = clock.monotonicMillis();
            if (next > untilMillis) {
                if (untilMillis > now) {
                    advance.advance(untilMillis - now);
                }
                return ran + runDue();
            }
            if (next > now) {
                advance.advance(next - now);
            }
            ran += runDue();
        }
    }

    /** Handles a fault a task could not continue from; see {@link #setFaultHandler}. */
    public interface FaultHandler {
        /** @param fault the storage fault (the failing task has stopped where it was) */
        void onFault(StorageException fault);
    }

    /** Moves a fake clock forward; see {@link #runUntil}. */
    public interface ClockAdvance {
        /** @param millis milliseconds, not negative */
        void advance(long millis);
    }

    private int indexOf(Runnable task) {
        for (int i = 0; i < count; i++) {
            if (tasks[i] == task) {
                return i;
            }
        }
        return -1;
    }

    private void remove(int i) {
        count--;
        tasks[i] = tasks[count];
        due[i] = due[count];
        order[i] = order[count];
        tasks[count] = null;
    }

    private void grow() {
        int n = tasks.length * 2;
        Runnable[] t = new Runnable[n];
        long[] d = new long[n];
        long[] o = new long[n];
        System.arraycopy(tasks, 0, t, 0, count);
        System.arraycopy(due, 0, d, 0, count);
        System.arraycopy(order, 0, o, 0, count);
        tasks = t;
        due = d;
        order = o;
    }
}
