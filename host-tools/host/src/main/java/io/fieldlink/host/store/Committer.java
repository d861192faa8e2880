package io.fieldlink.host.store;

import io.fieldlink.host.HostException;
import io.fieldlink.host.store.ingestlog.IngestLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mapdb.BTreeMap;
import org.tinylog.Logger;

/**
 * The single writer of the {@link HostStore}: a thread that takes queued writes, applies as many
 * as are waiting (up to a batch limit) and makes them durable together. A write's future completes
 * only after that, so a caller that answers a device from the future acknowledges only durable data.
 *
 * <p>Without an ingest log every group is a MapDB commit. With one ({@link #Committer(HostStore,
 * Path, int, int, Duration, int)}), a <em>logged</em> write ({@link #submitLogged}, an uplink with
 * the bytes that redo it) is durable once its entry is in the {@link IngestLog}: a group of logged
 * writes is applied to the store (visible to readers, not committed), its entries appended and
 * synced with one {@code force}, and only then completed. The store is committed as a
 * <em>checkpoint</em> every {@code checkpointEvery} or {@code checkpointWrites} writes, recording in
 * the same transaction how far the log is applied; segments before it are then deleted. A group
 * holding any other write ends with a checkpoint. At start-up {@link #replayLog} re-applies what
 * the log holds after the last checkpoint. If a write throws, the store is rolled back to the last
 * checkpoint, the log after it re-applied, and the group's writes run one per checkpoint, so only
 * the failing write fails. {@link #submit} and {@link #submitLogged} are thread-safe. A small
 * document write that must be durable but should not cost a checkpoint (an alert's state) goes
 * through {@link #loggedPut}: its own log entry, re-applied by the replay like the ingest entries;
 * a component that holds its changes in memory (the ledger's appends) registers as a
 * {@link LoggedSource}, whose changes go into the log with the group that made them.
 * Between groups, write-behind hooks may {@link CommitHook#writeAhead write ahead} part of the next
 * checkpoint. The futures are completed on a second thread ({@code fieldlink-committed}), in the
 * order the writes became durable, so what callers chain on them (an Ack's encoding and sending)
 * does not hold up the next group.
 */
public final class Committer implements AutoCloseable {
    private static final String APPLIED = "applied";
    private final HostStore store;
    private final BlockingQueue<Job<?>> queue;
    private final int maxBatch;
    private final Thread thread;
    private final IngestLog log;
    /** Completes the writes' futures (see {@link #complete}). */
    private final ExecutorService completions = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fieldlink-committed");
        t.setDaemon(true);
        completionThread = t;
        return t;
    });
    private volatile Thread completionThread;
    private final BTreeMap<String, Long> logState;
    private final long checkpointEveryNanos;
    private final int checkpointWrites;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final AtomicLong applyNanos = new AtomicLong();
    private final AtomicLong committedWrites = new AtomicLong();
    private final AtomicLong checkpoints = new AtomicLong();
    private final AtomicLong checkpointNanos = new AtomicLong();
    private final AtomicLong logNanos = new AtomicLong();
    private final AtomicLong logBytes = new AtomicLong();
    private final AtomicLong writeAheadNanos = new AtomicLong();
    private volatile boolean running = true;
    /** The store no longer matches the log (a rollback could not be re-applied): never checkpoint again. */
    private volatile boolean broken;
    private volatile LogReplayer replayer;
    /** Components whose changes the groups' log appends make durable ({@link #addLoggedSource}), by name. */
    private final Map<String, LoggedSource> sources = new ConcurrentHashMap<>();
    /** Text maps whose puts are logged writes ({@link #loggedPut}), by name: the log's entries name them. */
    private final Map<String, BTreeMap<String, String>> loggedMaps = new ConcurrentHashMap<>();
    private long applied;
    /** False while the log holds entries after the checkpoint that {@link #replayLog} has not re-applied yet. */
    private boolean replayed;
    private long lastCheckpoint = System.nanoTime();
    private int sinceCheckpoint;

    /** Re-applies one ingest log entry on the committer thread (at start-up and after a rollback). */
    @FunctionalInterface
    public interface LogReplayer {
        /**
         * @param entry the bytes given to {@link #submitLogged}
         * @throws RuntimeException when the entry cannot be applied
         */
        void replay(byte[] entry);
    }

    /**
     * A committer without an ingest log: every group is one MapDB commit.
     *
     * @param capacity writes that may wait; beyond it {@link #submit} fails fast
     * @param maxBatch most writes in one commit
     */
    public Committer(HostStore store, int capacity, int maxBatch) {
        this(store, null, capacity, maxBatch, Duration.ZERO, 1);
    }

    /**
     * A committer whose logged writes are made durable by the ingest log in {@code logDir}.
     *
     * @param logDir the ingest log's directory, or null for none
     * @param capacity writes that may wait; beyond it {@link #submit} fails fast
     * @param maxBatch most writes in one group
     * @param checkpointEvery longest time between checkpoints while logged writes are unapplied
     * @param checkpointWrites most logged writes between checkpoints
     * @throws HostException when the log cannot be opened or is corrupt
     */
    public Committer(HostStore store, Path logDir, int capacity, int maxBatch, Duration checkpointEvery,
            int checkpointWrites) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.checkpointEveryNanos = checkpointEvery.toNanos();
        this.checkpointWrites = Math.max(1, checkpointWrites);
        if (logDir != null) {
            logState = store.counterMap("ingest-log");
            applied = logState.getOrDefault(APPLIED, 0L);
            log = IngestLog.open(logDir, applied);
            replayed = log.end() == applied;
        } else {
            logState = null;
            log = null;
        }
        this.thread = new Thread(this::run, "fieldlink-committer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues a write. It runs on the committer thread inside the next transaction.
     *
     * @return completes with the write's result after it is durable, or exceptionally with the
     *         write's exception, a {@link QueueFullException}, or a {@link HostException} when the
     *         commit failed or the committer is closed
     */
    public <T> CompletableFuture<T> submit(Callable<T> write) {
        return enqueue(new Job<>(write, null));
    }

    /**
     * Queues a write whose effect on the store {@code entry} redoes through the {@link LogReplayer}
     * (given to {@link #replayLog}): with an ingest log, it is durable once the entry is synced
     * there; without one, like {@link #submit}. The write must do exactly what replaying the entry
     * does, given the same store.
     *
     * @return as {@link #submit}
     */
    public <T> CompletableFuture<T> submitLogged(byte[] entry, Callable<T> write) {
        return enqueue(new Job<>(write, log == null ? null : entry));
    }

    /**
     * Opens the text map {@code name} for {@link #loggedPut}. Register every such map before
     * {@link #replayLog}: the log's entries name the map they change.
     *
     * @return the map (read it from any thread; change it only through {@link #loggedPut})
     */
    public BTreeMap<String, String> loggedTextMap(String name) {
        return loggedMaps.computeIfAbsent(name, store::textMap);
    }

    /**
     * Registers a component whose changes are made durable by the ingest log append of the group
     * that made them ({@link LoggedSource}). Register before {@link #replayLog}: the log's entries
     * name their source. Without an ingest log this does nothing (the component's
     * {@link CommitHook#beforeCommit} makes its changes durable with each commit).
     */
    public void addLoggedSource(String name, LoggedSource source) {
        if (log == null) {
            return;
        }
        LoggedSourceEntry.checkName(name);
        if (sources.putIfAbsent(name, source) != null) {
            throw new IllegalArgumentException("a logged source named " + name + " is registered already");
        }
    }

    /**
     * Puts {@code value} (or removes the key, for null) into the {@link #loggedTextMap} {@code name}
     * and waits until it is durable. With an ingest log that is a logged write (its entry redoes the
     * put at a replay), so it costs one log append in the next group instead of a store checkpoint;
     * without one, a commit. Not on the committer thread.
     *
     * @throws HostException when the map was not registered or the write failed
     */
    public void loggedPut(String name, String key, String value) {
        BTreeMap<String, String> map = loggedMaps.get(name);
        if (map == null) {
            throw new HostException("no logged map " + name);
        }
        notOnCompletionThread();
        byte[] entry = LoggedPut.encode(name, key, value);
        try {
            submitLogged(entry, () -> {
                LoggedPut.apply(map, key, value);
                return null;
            }).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new HostException("write failed: " + e.getCause(), e.getCause());
        }
    }

    private <T> CompletableFuture<T> enqueue(Job<T> job) {
        if (!running) {
            job.future.completeExceptionally(new HostException("the store is closed"));
        } else if (!queue.offer(job)) {
            job.future.completeExceptionally(new QueueFullException());
        }
        return job.future;
    }

    /**
     * Re-applies the ingest log's entries after the last checkpoint with {@code r}, checkpoints, and
     * keeps {@code r} for re-applying the log after a rollback. Call once at start-up, after every
     * listener is wired and before writes are logged (until then a checkpoint keeps the log's
     * position where it was); a no-op (returning 0) without an ingest log.
     *
     * @return entries re-applied
     * @throws io.fieldlink.host.store.ingestlog.CorruptLogException when the log does not read back
     * @throws HostException when an entry cannot be applied (naming its file and offset)
     */
    public long replayLog(LogReplayer r) {
        if (log == null) {
            return 0;
        }
        long n = write(() -> {
            long done = replayTail(r);
            replayed = true;
            return done;
        });
        replayer = r;
        return n;
    }

    private long replayTail(LogReplayer r) {
        if (log.end() <= applied) {
            return 0;
        }
        long n = log.read(applied, (entry, file, offset) -> {
            try {
                if (LoggedPut.is(entry)) {
                    LoggedPut.replay(entry, loggedMaps);
                } else if (LoggedSourceEntry.is(entry)) {
                    String name = LoggedSourceEntry.source(entry);
                    LoggedSource source = sources.get(name);
                    if (source == null) {
                        throw new IllegalArgumentException("no logged source named " + name + " is registered");
                    }
                    source.replay(LoggedSourceEntry.payload(entry));
                } else {
                    r.replay(entry);
                }
            } catch (RuntimeException e) {
                throw new HostException("ingest log " + file + ": the entry at offset " + offset + " cannot be applied: "
                        + e.getMessage(), e);
            }
        });
        Logger.info("re-applied {} ingest log entries after the last checkpoint", n);
        sinceCheckpoint += (int) Math.min(Integer.MAX_VALUE, n);
        return n;
    }

    /**
     * Runs a write and waits until it is durable.
     *
     * @throws HostException or the write's own unchecked exception
     */
    public <T> T write(Callable<T> write) {
        notOnCompletionThread();
        try {
            return submit(write).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new HostException("write failed: " + e.getCause(), e.getCause());
        }
    }

    /** A write waited for on the completion thread would wait behind the very callback waiting for it. */
    private void notOnCompletionThread() {
        if (Thread.currentThread() == completionThread) {
            throw new IllegalStateException("a write's completion callback must not wait for another write; submit it instead");
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

    /** @return durable groups since start (log syncs or commits) */
    public long commits() {
        return commits.get();
    }

    /** @return writes made durable since start */
    public long committedWrites() {
        return committedWrites.get();
    }

    /** @return nanoseconds spent making groups durable (hooks, log sync or MapDB commit) since start */
    public long commitNanos() {
        return commitNanos.get();
    }

    /** @return nanoseconds spent running writes (before their commit) since start */
    public long applyNanos() {
        return applyNanos.get();
    }

    /** @return store checkpoints (MapDB commits behind the ingest log) since start; 0 without a log */
    public long checkpoints() {
        return checkpoints.get();
    }

    /** @return nanoseconds spent in checkpoints since start */
    public long checkpointNanos() {
        return checkpointNanos.get();
    }

    /** @return nanoseconds spent appending to the ingest log and syncing it since start */
    public long logNanos() {
        return logNanos.get();
    }

    /** @return nanoseconds spent between groups writing ahead of the next checkpoint since start */
    public long writeAheadNanos() {
        return writeAheadNanos.get();
    }

    /** @return bytes appended to the ingest log since start (frames included) */
    public long logBytes() {
        return logBytes.get();
    }

    /** @return true when logged writes are made durable by an ingest log */
    public boolean hasIngestLog() {
        return log != null;
    }

    private void run() {
        List<Job<?>> batch = new ArrayList<>(maxBatch);
        while ((running || !queue.isEmpty()) && !broken) {
            try {
                Job<?> first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    maybeCheckpoint();
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                if (log == null) {
                    commitBatch(batch);
                } else {
                    logBatch(batch);
                    maybeCheckpoint();
                    writeAhead();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
        if (log != null) {
            if (sinceCheckpoint > 0 && !broken) {
                guardedCheckpoint();
            }
            log.close();
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
                    complete(List.of(j));
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
            fail(jobs, e);
            return;
        }
        complete(jobs);
    }

    private static void fail(List<Job<?>> jobs, RuntimeException e) {
        for (Job<?> j : jobs) {
            j.future.completeExceptionally(new HostException("commit failed: " + e.getMessage(), e));
        }
    }

    /**
     * A group with the ingest log: apply, flush the hooks, append + sync the logged sources' changes
     * and the writes' entries, checkpoint if a write needs it.
     */
    private void logBatch(List<Job<?>> batch) {
        long t0 = System.nanoTime();
        for (Job<?> j : batch) {
            if (!j.apply()) {
                applyNanos.addAndGet(System.nanoTime() - t0);
                oneByOne(batch);
                return;
            }
        }
        long t1 = System.nanoTime();
        applyNanos.addAndGet(t1 - t0);
        try {
            store.flush();
            List<byte[]> entries = new ArrayList<>(batch.size());
            List<LoggedSource> changed = List.of();
            List<Integer> changes = List.of();
            for (Map.Entry<String, LoggedSource> s : sources.entrySet()) {
                List<byte[]> unlogged = s.getValue().unlogged();
                if (unlogged.isEmpty()) {
                    continue;
                }
                if (changed.isEmpty()) {
                    changed = new ArrayList<>();
                    changes = new ArrayList<>();
                }
                for (byte[] c : unlogged) {
                    entries.add(LoggedSourceEntry.encode(s.getKey(), c));
                }
                changed.add(s.getValue());
                changes.add(unlogged.size());
            }
            boolean plain = false;
            for (Job<?> j : batch) {
                if (j.entry != null) {
                    entries.add(j.entry);
                } else {
                    plain = true;
                }
            }
            append(entries);
            for (int i = 0; i < changed.size(); i++) {
                changed.get(i).logged(changes.get(i));
            }
            sinceCheckpoint += batch.size();
            if (plain) {
                checkpoint();
            }
        } catch (RuntimeException e) {
            Logger.error(e, "making a group durable failed");
            fail(batch, e);
            recover();
            return;
        }
        commitNanos.addAndGet(System.nanoTime() - t1);
        commits.incrementAndGet();
        committedWrites.addAndGet(batch.size());
        complete(batch);
    }

    /**
     * Completes the futures of durable (or failed) writes on the completion thread, in order, so
     * what their callers chain on them (encoding and sending an Ack) does not run on this thread.
     */
    private void complete(List<Job<?>> jobs) {
        List<Job<?>> done = List.copyOf(jobs);
        try {
            completions.execute(() -> {
                for (Job<?> j : done) {
                    j.finish();
                }
            });
        } catch (RejectedExecutionException e) {
            // closing: complete them here
            for (Job<?> j : done) {
                j.finish();
            }
        }
    }

    private void append(List<byte[]> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long before = log.end();
        long t0 = System.nanoTime();
        try {
            log.append(entries);
            logNanos.addAndGet(System.nanoTime() - t0);
            logBytes.addAndGet(log.end() - before);
        } catch (IOException | RuntimeException e) {
            try {
                log.truncate(before);
            } catch (IOException | RuntimeException t) {
                broken = true;
                running = false;
                Logger.error(t, "cannot cut the ingest log back after a failed append; the committer stops");
            }
            throw new HostException("cannot append to the ingest log: " + e.getMessage(), e);
        }
    }

    /** A write of the group threw: back to the durable state, then each write on its own checkpoint. */
    private void oneByOne(List<Job<?>> batch) {
        if (!recover()) {
            for (Job<?> j : batch) {
                j.future.completeExceptionally(new HostException("the store could not be restored from the ingest log"));
            }
            return;
        }
        for (Job<?> j : batch) {
            j.reset();
            if (!j.apply()) {
                store.rollback();
                complete(List.of(j));
                continue;
            }
            try {
                sinceCheckpoint++;
                checkpoint();
            } catch (RuntimeException e) {
                Logger.error(e, "checkpoint failed");
                fail(List.of(j), e);
                recover();
                continue;
            }
            commits.incrementAndGet();
            committedWrites.incrementAndGet();
            complete(List.of(j));
        }
    }

    /**
     * Rolls the store back to the last checkpoint and re-applies the log after it (all of it
     * acknowledged), then checkpoints. On failure the committer stops taking writes.
     *
     * @return true when the store again holds everything the log does
     */
    private boolean recover() {
        try {
            store.rollback();
            sinceCheckpoint = 0;
            LogReplayer r = replayer;
            if (r != null && replayTail(r) > 0) {
                store.flush();
                checkpoint();
            }
            return true;
        } catch (RuntimeException e) {
            broken = true;
            running = false;
            Logger.error(e, "cannot bring the store back to the ingest log; the committer stops (restart the host to replay it)");
            return false;
        }
    }

    /** After a group's Acks: a slice of the next checkpoint's writes, so the checkpoint itself stalls the groups less. */
    private void writeAhead() {
        if (sinceCheckpoint == 0 || broken) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            store.writeAhead();
        } catch (RuntimeException e) {
            Logger.error(e, "writing ahead of the checkpoint failed");
            recover();
        }
        writeAheadNanos.addAndGet(System.nanoTime() - t0);
    }

    private void maybeCheckpoint() {
        if (log == null || sinceCheckpoint == 0 || broken) {
            return;
        }
        if (sinceCheckpoint >= checkpointWrites || System.nanoTime() - lastCheckpoint >= checkpointEveryNanos) {
            guardedCheckpoint();
        }
    }

    private void guardedCheckpoint() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            Logger.error(e, "checkpoint failed");
            recover();
        }
    }

    /** Commits the store with the log position it now holds, then deletes the log before it. */
    private void checkpoint() {
        if (broken) {
            throw new HostException("the store no longer matches the ingest log; restart the host to replay it");
        }
        long t0 = System.nanoTime();
        long pos = applied;
        try {
            if (replayed) {
                pos = log.roll();
            }
        } catch (IOException e) {
            throw new HostException("cannot start a new ingest log segment: " + e.getMessage(), e);
        }
        logState.put(APPLIED, pos);
        store.commit();
        applied = pos;
        sinceCheckpoint = 0;
        lastCheckpoint = System.nanoTime();
        log.deleteBefore(pos);
        checkpoints.incrementAndGet();
        checkpointNanos.addAndGet(lastCheckpoint - t0);
    }

    /** Stops taking writes, makes what is queued durable, checkpoints, and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        completions.shutdown();
        try {
            completions.awaitTermination(30, TimeUnit.SECONDS);
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
        final byte[] entry;
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;
        Exception error;

        Job(Callable<T> write, byte[] entry) {
            this.write = write;
            this.entry = entry;
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
