package io.fieldlink.host.ingest;

import io.fieldlink.host.store.TimeSeriesStore;

import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.Committer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The ingest pipeline after decoding: queue an uplink for the committer, which de-duplicates it and
 * stores it with its rollups in one transaction (the store gathers a transaction's writes and writes
 * each touched entry once), telling the {@link StoredUplinkListener}s inside that transaction, and
 * notes the device's last-seen time. Each write carries its {@link LogEntries ingest log entry}, so
 * with an ingest log it is durable once that entry is synced, and {@link #replayLog} redoes it after
 * a crash (listeners included: they write into the same transaction, which a crash rolls back to
 * the same checkpoint). Futures complete only after the write is durable, and what they report is
 * then visible to readers. Thread-safe.
 *
 * <p>What a replay repeats outside the store: the fleet view offers the uplink to the dashboard's
 * live feed again (at start-up no dashboard is connected yet; after a rollback at run time an open
 * dashboard may draw a reading twice); the alert engine queues it again, and an alert whose key is
 * already open or acknowledged is refreshed without a notification, so a webhook fires again only
 * for an alert that was not saved before the crash (webhooks are at-least-once anyway); the firmware
 * tracker records the same state again (no change, no write); ledger entries appended before the
 * crash are found by their keys and adopted, not appended twice.
 */
public final class Ingest {
    private final Committer committer;
    private final TimeSeriesStore series;
    private final DeviceRegistry registry;
    private final HostMetrics metrics;
    private final List<StoredUplinkListener> listeners;

    /** Wires the pipeline with no listeners. */
    public Ingest(Committer committer, TimeSeriesStore series, DeviceRegistry registry, HostMetrics metrics) {
        this(committer, series, registry, metrics, List.of());
    }

    /**
     * Wires the pipeline.
     *
     * @param listeners told of each newly stored uplink inside its commit, in this order
     */
    public Ingest(Committer committer, TimeSeriesStore series, DeviceRegistry registry, HostMetrics metrics,
            List<StoredUplinkListener> listeners) {
        this.committer = committer;
        this.series = series;
        this.registry = registry;
        this.metrics = metrics;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Re-applies what the ingest log holds after the store's last checkpoint (through the same
     * listeners) and keeps doing so after a rollback. Call once at start-up, after wiring, before
     * devices are served.
     *
     * @return entries re-applied
     * @throws io.fieldlink.host.HostException when the log is corrupt or an entry cannot be applied
     */
    public long replayLog() {
        return committer.replayLog(this::replay);
    }

    private void replay(byte[] bytes) {
        LogEntries.Entry e = LogEntries.decode(bytes);
        switch (e.kind()) {
            case UPLINK -> {
                Uplink u = e.uplinks().get(0);
                store(u);
                registry.recordSeen(u.device(), u.receivedAt());
            }
            case BATCH -> {
                for (Uplink u : e.uplinks()) {
                    store(u);
                }
                registry.recordSeen(e.device(), e.receivedAt());
            }
            case HELLO -> registry.recordHello(e.device(), e.firmware(), e.bootCount(), e.receivedAt());
            default -> throw new IllegalArgumentException("unknown entry kind " + e.kind());
        }
    }

    /** @return the first reading time outside 0..MAX_TIME_MS, rejected before it reaches the committer */
    private static IllegalArgumentException outOfRange(Uplink u) {
        for (Reading r : u.readings()) {
            if (r.timeMillis() < 0 || r.timeMillis() > Reading.MAX_TIME_MS) {
                return new IllegalArgumentException("reading time " + r.timeMillis() + " is out of range");
            }
        }
        return null;
    }

    private boolean store(Uplink u) {
        if (!series.store(u)) {
            return false;
        }
        for (StoredUplinkListener l : listeners) {
            l.stored(u);
        }
        return true;
    }

    /**
     * Queues {@code uplink}.
     *
     * @return completes after the commit holding it: {@link Outcome#STORED} or
     *         {@link Outcome#DUPLICATE}; exceptionally with
     *         {@link io.fieldlink.host.store.QueueFullException} when the queue is full, or a
     *         {@link io.fieldlink.host.HostException} when the store failed
     */
    public CompletableFuture<Outcome> submit(Uplink uplink) {
        IllegalArgumentException bad = outOfRange(uplink);
        if (bad != null) {
            return CompletableFuture.failedFuture(bad);
        }
        return committer.submitLogged(LogEntries.uplink(uplink), () -> {
            boolean stored = store(uplink);
            registry.recordSeen(uplink.device(), uplink.receivedAt());
            return stored ? Outcome.STORED : Outcome.DUPLICATE;
        }).whenComplete((outcome, error) -> {
            if (outcome == Outcome.STORED) {
                metrics.stored(uplink.records());
            } else if (outcome == Outcome.DUPLICATE) {
                metrics.duplicate();
            }
        });
    }

    /**
     * Queues one device's batch of records (one {@link Uplink} each, with its own seq) as a single
     * write: each (device, seq) not stored before is stored, the device's last-seen time is noted,
     * and what is now stored of its seqs is read back, all in one commit.
     *
     * @param device the device every uplink belongs to
     * @param maxRanges most ranges to report beyond the contiguous part
     * @return completes after the commit; exceptionally as {@link #submit} does
     * @throws IllegalArgumentException when an uplink belongs to another device
     */
    public CompletableFuture<BatchOutcome> submitBatch(String device, List<Uplink> uplinks, long receivedAt,
            int maxRanges) {
        return submitBatch(device, uplinks, null, receivedAt, maxRanges);
    }

    /**
     * As {@link #submitBatch(String, List, long, int)}, for uplinks {@link BatchReader#read read} from
     * {@code payload} with this device and receive time: the ingest log keeps the payload as it came
     * (a replay reads it again the same way) instead of an encoding of every uplink.
     *
     * @param payload the batch the uplinks were read from, or null to log the uplinks themselves
     */
    public CompletableFuture<BatchOutcome> submitBatch(String device, List<Uplink> uplinks, byte[] payload,
            long receivedAt, int maxRanges) {
        for (Uplink u : uplinks) {
            if (!u.device().equals(device)) {
                throw new IllegalArgumentException("uplink of " + u.device() + " in a batch of " + device);
            }
            IllegalArgumentException bad = outOfRange(u);
            if (bad != null) {
                return CompletableFuture.failedFuture(bad);
            }
        }
        byte[] entry = payload != null ? LogEntries.rawBatch(device, payload, receivedAt)
                : LogEntries.batch(device, uplinks, receivedAt);
        return committer.submitLogged(entry, () -> {
            int stored = 0;
            int records = 0;
            for (Uplink u : uplinks) {
                if (store(u)) {
                    stored++;
                    records += u.records();
                }
            }
            registry.recordSeen(device, receivedAt);
            return new BatchOutcome(stored, uplinks.size() - stored, records, series.acknowledged(device, maxRanges));
        }).whenComplete((outcome, error) -> {
            if (outcome != null) {
                if (outcome.records() > 0) {
                    metrics.stored(outcome.records());
                }
                for (int i = 0; i < outcome.duplicates(); i++) {
                    metrics.duplicate();
                }
            }
        });
    }

    /**
     * What a batch did.
     *
     * @param stored records newly stored
     * @param duplicates records whose (device, seq) was stored before
     * @param records readings and events newly stored
     * @param acknowledged what is stored of the device's seqs after the commit
     */
    public record BatchOutcome(int stored, int duplicates, int records, Acknowledged acknowledged) {
    }

    /**
     * Records a device's hello (firmware version, boot count, last seen) in the registry.
     *
     * @param device a provisioned device id
     * @param atMillis the host's receive time, epoch ms
     * @return completes after the commit holding it; exceptionally as {@link #submit} does
     */
    public CompletableFuture<Void> hello(String device, String firmware, long bootCount, long atMillis) {
        return committer.submitLogged(LogEntries.hello(device, firmware, bootCount, atMillis), () -> {
            registry.recordHello(device, firmware, bootCount, atMillis);
            return null;
        });
    }

    /** What happened to an uplink. */
    public enum Outcome {
        /** Newly stored. */
        STORED,
        /** Its (device, seq) was stored before; acknowledge it again. */
        DUPLICATE
    }
}
