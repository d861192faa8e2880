package io.fieldlink.host.store;

import io.fieldlink.host.HostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;

/**
 * The single writer of the {@link HostStore}: a thread that takes queued writes, applies as many
 * as are waiting (up to a batch limit) and commits them together. A write's future completes only
 * after the commit that holds it returned, so a caller that answers a device from the future
 * acknowledges only durable data. If a write throws, the batch is rolled back and replayed one
 * write per commit, so only the failing write fails. {@link #submit} is thread-safe.
 */
public final class Committer implements AutoCloseable {
    private final HostStore store;
    private final BlockingQueue<Job<?>> queue;
    private final int maxBatch;
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final AtomicLong applyNanos = new AtomicLong();
    private final AtomicLong committedWrites = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param capacity writes that may wait; beyond it {@link #submit} fails fast
     * @param maxBatch most writes in one commit
     */
    public Committer(HostStore store, int capacity, int maxBatch) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::run, "fieldlink-committer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues a write. It runs on the committer thread inside the next transaction.
     *
     * @return completes with the write's result after it is committed, or exceptionally with the
     *         write's exception, a {@link QueueFullException}, or a {@link HostException} when the
     *         commit failed or the committer is closed
     */
    public <T> CompletableFuture<T> submit(Callable<T> write) {
        Job<T> job = new Job<>(write);
        if (!running) {
            job.future.completeExceptionally(new HostException("the store is closed"));
        } else if (!queue.offer(job)) {
            job.future.completeExceptionally(new QueueFullException());
        }
        return job.future;
    }

    /**
     * Runs a write and waits for its commit.
     *
     * @throws HostException or the write's own unchecked exception
     */
    public <T> T write(Callable<T> write) {
        try {
            return submit(write).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new HostException("write failed: " + e.getCause(), e.getCause());
        }
    }

    /** @return true when called from the committer thread (inside a write) */
    public boolean isCommitterThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Runs {@code write} in the current transaction when called from inside a write, otherwise like
     * {@link #write}: queues it and waits for its commit.
     */
    public <T> T writeNowOrJoin(Callable<T> write) {
        if (!isCommitterThread()) {
            return write(write);
        }
        try {
            return write.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HostException("write failed: " + e, e);
        }
    }

    /** @return writes waiting for the committer */
    public int queueDepth() {
        return queue.size();
    }

    /** @return commits done since start */
    public long commits() {
        return commits.get();
    }

    /** @return writes committed since start */
    public long committedWrites() {
        return committedWrites.get();
    }

    /** @return nanoseconds spent in commits (hooks, MapDB commit, fsync) since start */
    public long commitNanos() {
        return commitNanos.get();
    }

    /** @return nanoseconds spent running writes (before their commit) since start */
    public long applyNanos() {
        return applyNanos.get();
    }

    private void run() {
        List<Job<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Job<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commitBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commitBatch(List<Job<?>> batch) {
        boolean failed = false;
        long t0 = System.nanoTime();
        for (Job<?> j : batch) {
            if (!j.apply()) {
                failed = true;
                break;
            }
        }
        applyNanos.addAndGet(System.nanoTime() - t0);
        if (failed) {
            store.rollback();
            for (Job<?> j : batch) {
                j.reset();
                if (j.apply()) {
                    commitOrFail(List.of(j));
                } else {
                    store.rollback();
                    j.finish();
                }
            }
            return;
        }
        commitOrFail(batch);
    }

    private void commitOrFail(List<Job<?>> jobs) {
        try {
            long t0 = System.nanoTime();
            store.commit();
            commitNanos.addAndGet(System.nanoTime() - t0);
            commits.incrementAndGet();
            committedWrites.addAndGet(jobs.size());
        } catch (RuntimeException e) {
            Logger.error(e, "commit failed");
            try {
                store.rollback();
            } catch (RuntimeException r) {
                Logger.error(r, "rollback after a failed commit failed");
            }
            for (Job<?> j : jobs) {
                j.future.completeExceptionally(new HostException("commit failed: " + e.getMessage(), e));
            }
            return;
        }
        for (Job<?> j : jobs) {
            j.finish();
        }
    }

    /** Stops taking writes, commits what is queued, and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Job<?> j;
        while ((j = queue.poll()) != null) {
            j.future.completeExceptionally(new HostException("the store is closed"));
        }
    }

    private static final class Job<T> {
        final Callable<T> write;
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;
        Exception error;

        Job(Callable<T> write) {
            this.write = write;
        }

        boolean apply() {
            try {
                result = write.call();
                return true;
            } catch (Exception e) {
                error = e;
                return false;
            }
        }

        void reset() {
            result = null;
            error = null;
        }

        void finish() {
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(result);
            }
        }
    }
}
