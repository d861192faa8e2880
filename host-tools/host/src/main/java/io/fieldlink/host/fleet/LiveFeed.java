package io.fieldlink.host.fleet;

import io.fieldlink.host.ingest.Uplink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;

/**
 * Hands newly stored uplinks to watchers (the dashboard's live sockets) on its own thread, so the
 * committer never waits for a browser. {@link #offer} never blocks: when the queue is full the
 * uplink is dropped for watchers (it is stored all the same) and counted. Thread-safe; start
 * once, close once.
 */
public final class LiveFeed implements AutoCloseable {
    /** Largest number of uplinks handed to watchers in one call. */
    static final int MAX_BATCH = 512;

    /** Receives batches of stored uplinks, oldest first, on the feed's thread. Must not throw. */
    @FunctionalInterface
    public interface Watcher {
        /** @param uplinks newly stored uplinks, oldest first */
        void deliver(List<Uplink> uplinks);
    }

    private final BlockingQueue<Uplink> queue;
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param capacity uplinks waiting for watchers before new ones are dropped */
    public LiveFeed(int capacity) {
        queue = new ArrayBlockingQueue<>(capacity);
        thread = new Thread(this::run, "fieldlink-live-feed");
        thread.setDaemon(true);
    }

    /** Starts the delivering thread. @return this */
    public LiveFeed start() {
        thread.start();
        return this;
    }

    /** Adds a watcher; it gets uplinks stored from now on. */
    public void watch(Watcher w) {
        watchers.add(w);
    }

    /** Queues {@code uplink} for the watchers without blocking; drops it when nobody watches or the queue is full. */
    public void offer(Uplink uplink) {
        if (watchers.isEmpty()) {
            return;
        }
        if (!queue.offer(uplink)) {
            dropped.incrementAndGet();
        }
    }

    /** @return uplinks not handed to watchers because the queue was full */
    public long dropped() {
        return dropped.get();
    }

    private void run() {
        List<Uplink> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            List<Uplink> view = List.copyOf(batch);
            batch.clear();
            for (Watcher w : watchers) {
                try {
                    w.deliver(view);
                } catch (RuntimeException e) {
                    Logger.error(e, "live feed watcher failed");
                }
            }
        }
    }

    /** Stops the thread; queued uplinks are not delivered. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
