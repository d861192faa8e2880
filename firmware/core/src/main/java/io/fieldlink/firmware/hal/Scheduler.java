package io.fieldlink.firmware.hal;

/**
 * Timers on the board's one event loop: no threads. A task is identified by its object, so a
 * component keeps one {@link Runnable} per timer and re-schedules it; once the scheduler's table is
 * warm, scheduling allocates nothing. Tasks run on the event-loop thread, one at a time, in order of
 * due time (ties in scheduling order), and must not block.
 */
public interface Scheduler {
    /**
     * Runs {@code task} once, {@code delayMillis} from now. If it is already pending, its due time is
     * replaced (it still runs once).
     *
     * @param task the task; not null
     * @param delayMillis milliseconds from now, 0 to run at the next turn of the loop
     * @throws IllegalArgumentException if {@code delayMillis} is negative
     */
    void schedule(Runnable task, long delayMillis);

    /**
     * Removes {@code task} if pending; does nothing otherwise.
     *
     * @param task the task
     */
    void cancel(Runnable task);

    /**
     * @param task the task
     * @return true if {@code task} is pending
     */
    boolean isScheduled(Runnable task);
}
