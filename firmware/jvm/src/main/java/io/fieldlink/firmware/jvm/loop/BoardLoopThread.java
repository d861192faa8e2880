package io.fieldlink.firmware.jvm.loop;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.kernel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The one thread a board's firmware runs on. It runs the {@link EventLoop}'s due timers and the work
 * other threads {@link #post(Runnable) post} (an inbound datagram, a console line), one at a time, and
 * parks until the next timer is due or new work arrives. The firmware core therefore never sees a
 * second thread. A task that throws is logged and the loop goes on.
 */
public final class BoardLoopThread implements AutoCloseable {
    private static final long IDLE_PARK_MILLIS = 1_000;

    private volatile EventLoop loop;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public BoardLoopThread(String name, EventLoop loop, Clock clock) {
        this(name, clock);
        this.loop = loop;
    }

    /**
     * A loop thread whose event loop is given at {@link #start(EventLoop)}: transports can be made
     * (and post to it) before the board that owns the event loop is built.
     */
    public BoardLoopThread(String name, Clock clock) {
        this.clock = clock;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public void start() {
        if (loop == null) {
            throw new IllegalStateException("no event loop: use start(EventLoop)");
        }
        thread.start();
    }

    public void start(EventLoop eventLoop) {
        this.loop = eventLoop;
        thread.start();
    }

    /** Hands {@code task} to the loop thread; safe from any thread. */
    public void post(Runnable task) {
        inbox.add(task);
        LockSupport.unpark(thread);
    }

    /** Runs {@code work} on the loop thread and completes with its result (for consoles and tests). */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        post(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    public boolean onLoopThread() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        while (running) {
            Runnable task;
            while ((task = inbox.poll()) != null) {
                runSafely(task);
            }
            loop.runDue();
            if (!inbox.isEmpty()) {
                continue;
            }
            long next = loop.nextDueMillis();
            long wait = next == Long.MAX_VALUE ? IDLE_PARK_MILLIS : Math.min(IDLE_PARK_MILLIS, next - clock.monotonicMillis());
            if (wait > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            Logger.error(e, "board task failed; the loop goes on");
        }
    }

    /** Stops the loop after the task it is running, and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        if (thread.isAlive() && !onLoopThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
