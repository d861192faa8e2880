package io.fieldlink.host.billing;

import io.fieldlink.host.Billing;
import io.fieldlink.host.config.HostConfig;
import io.fieldlink.host.ingest.Ingest;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.store.Committer;
import io.fieldlink.host.store.HostStore;
import io.fieldlink.host.store.TimeSeriesStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's storage and ingest pipeline with the books, as {@code HostServer} wires them but without
 * the network: the real MapDB store on disk, the committer, the ingest with the billing projections
 * (then {@code extra}, a listener a test uses to fail a commit after the books were written).
 */
public final class BooksRig implements AutoCloseable {
    public final HostStore store;
    public final Committer committer;
    public final DeviceRegistry registry;
    public final Ingest ingest;
    public final Billing billing;
    public final AuditLog audit;
    /** Ingest log entries re-applied when this rig opened. */
    public final long replayed;

    public BooksRig(Path dir, Clock clock, StoredUplinkListener extra) {
        this(dir, clock, extra, false);
    }

    /**
     * @param ingestLog true for the host's durability point: uplinks made durable by the ingest log
     *     in {@code dir/ingest-log}, the store checkpointed only when another write needs a commit
     *     (no timed checkpoints, so a test knows the store is behind the log), the log replayed at open
     */
    public BooksRig(Path dir, Clock clock, StoredUplinkListener extra, boolean ingestLog) {
        store = HostStore.open(dir);
        committer = ingestLog
                ? new Committer(store, dir.resolve("ingest-log"), 1000, 100, java.time.Duration.ofDays(1), 10_000_000)
                : new Committer(store, 1000, 100);
        registry = new DeviceRegistry(store);
        audit = new AuditLog(store);
        TimeSeriesStore series = new TimeSeriesStore(store);
        billing = Billing.open(dir, HostConfig.defaults(), clock, store, registry, audit, committer, null);
        List<StoredUplinkListener> listeners = new ArrayList<>(billing.projections());
        if (extra != null) {
            listeners.add(extra);
        }
        ingest = new Ingest(committer, series, registry, new HostMetrics(), listeners);
        replayed = ingest.replayLog();
    }

    @Override
    public void close() {
        committer.close();
        billing.close();
        store.close();
    }
}
