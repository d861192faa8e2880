package io.fieldlink.host.ingest;

import io.fieldlink.host.store.TimeSeriesStore;

import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.Committer;
import java.util.concurrent.CompletableFuture;

/**
 * The ingest pipeline after decoding: queue an uplink for the committer, which de-duplicates it,
 * stores it with its rollups and the device's last-seen time in one commit. Thread-safe.
 */
public final class Ingest {
    private final Committer committer;
    private final TimeSeriesStore series;
    private final DeviceRegistry registry;
    private final HostMetrics metrics;

    /** Wires the pipeline. */
    public Ingest(Committer committer, TimeSeriesStore series, DeviceRegistry registry, HostMetrics metrics) {
        this.committer = committer;
        this.series = series;
        this.registry = registry;
        this.metrics = metrics;
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
        return committer.submit(() -> {
            boolean stored = series.store(uplink);
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
     * Records a device's hello (firmware version, boot count, last seen) in the registry.
     *
     * @param device a provisioned device id
     * @param atMillis the host's receive time, epoch ms
     * @return completes after the commit holding it; exceptionally as {@link #submit} does
     */
    public CompletableFuture<Void> hello(String device, String firmware, long bootCount, long atMillis) {
        return committer.submit(() -> {
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
