package io.fieldlink.simulator.net;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The in-process endpoint's main executor: while a board's thread hands its datagram to the host
 * ({@link #inline}), what Californium gives it runs on that thread at once, so the request goes
 * through Californium and the host's resource to the committer's queue without waiting for another
 * thread; everything else (the host's answers, completed on its committer, and timers) runs on the
 * endpoint's own few threads, so the committer does no more than before.
 */
final class InlineExecutor extends AbstractExecutorService implements ScheduledExecutorService {
    private static final ThreadLocal<Boolean> INLINE = new ThreadLocal<>();
    private final ScheduledExecutorService timers;
    private volatile boolean shutdown;

    InlineExecutor(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    /** Runs {@code r} (a board's thread handing a datagram to the endpoint) with this executor running inline. */
    static void inline(Runnable r) {
        INLINE.set(Boolean.TRUE);
        try {
            r.run();
        } finally {
            INLINE.remove();
        }
    }

    @Override
    public void execute(Runnable command) {
        if (INLINE.get() != null) {
            command.run();
        } else {
            timers.execute(command);
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return timers.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return timers.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return timers.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return timers.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
