package io.fieldlink.host;

import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.auth.ApiKeys;
import io.fieldlink.host.auth.Principal;
import io.fieldlink.host.auth.Role;
import io.fieldlink.host.coap.CoapHost;
import io.fieldlink.host.command.CommandOutbox;
import io.fieldlink.host.config.HostConfig;
import io.fieldlink.host.ingest.Ingest;
import io.fieldlink.host.ingest.Resolution;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.store.TimeSeriesStore;
import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.Committer;
import io.fieldlink.host.store.HostStore;
import io.fieldlink.host.store.StoredCommandOutbox;
import io.fieldlink.host.web.CommandApi;
import io.fieldlink.host.web.ApiRoutes;
import io.fieldlink.host.fleet.FleetView;
import io.fieldlink.host.fleet.LiveFeed;
import io.fieldlink.host.store.FleetSnapshots;
import io.fieldlink.host.web.DashboardRoutes;
import io.fieldlink.host.web.FirmwareApi;
import io.fieldlink.host.billing.keys.IssuerKeyring;
import io.fieldlink.host.firmware.FirmwareImages;
import io.fieldlink.host.firmware.FirmwareTracker;
import io.fieldlink.host.store.firmware.FileFirmwareStatusStore;
import io.fieldlink.host.web.HttpApi;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * A running host: store, committer, registry, CoAP and HTTP. Build with {@link #builder()}, then
 * {@link #start()}; {@link #close()} stops everything and closes the store. Bound ports are known
 * after {@code start()} (port 0 picks a free one).
 *
 * <pre>{@code
 * try (HostServer host = HostServer.builder().dataDir(dir).bindAddress("127.0.0.1")
 *         .httpPort(0).coapsPort(0).build().start()) {
 *     int coaps = host.coapsPort();
 *     String key = host.operatorKey();
 * }
 * }</pre>
 */
public final class HostServer implements AutoCloseable {
    private final Path dataDir;
    private final HostConfig config;
    private final Clock clock;
    private final HostMetrics metrics = new HostMetrics();
    private HostStore store;
    private Committer committer;
    private DeviceRegistry registry;
    private TimeSeriesStore series;
    private CoapHost coap;
    private HttpApi http;
    private ScheduledExecutorService housekeeping;
    private ApiKeys.OperatorKey operatorKey;
    private StoredCommandOutbox commands;
    private Billing billing;
    private LiveFeed liveFeed;
    private Foresight foresight;

    private HostServer(Path dataDir, HostConfig config, Clock clock) {
        this.dataDir = dataDir;
        this.config = config;
        this.clock = clock;
    }

    /** @return a builder with every key at its default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the store, creates the operator key on first start, binds CoAP and HTTP.
     *
     * @return this
     * @throws HostException when anything cannot start; what was started is closed again
     */
    public HostServer start() {
        try {
            store = HostStore.open(dataDir);
            committer = new Committer(store, dataDir.resolve("ingest-log"), config.get(HostConfig.INGEST_QUEUE),
                    config.get(HostConfig.INGEST_MAX_BATCH), config.get(HostConfig.INGEST_CHECKPOINT_INTERVAL),
                    config.get(HostConfig.INGEST_CHECKPOINT_WRITES));
            registry = new DeviceRegistry(store);
            series = new TimeSeriesStore(store);
            long migrated = committer.write(() -> series.migrateTupleLayout(store));
            if (migrated > 0) {
                Logger.info("moved {} readings and rollups to the one-long-key layout", migrated);
            }
            ApiKeys keys = new ApiKeys(store);
            AuditLog audit = new AuditLog(store);
            operatorKey = ApiKeys.loadOrCreateOperatorKey(dataDir.resolve("operator.key"));
            if (!keys.isRegistered(operatorKey.key())) {
                committer.write(() -> {
                    Principal p = keys.register(operatorKey.key(), Role.OPERATOR, "operator (first start)");
                    audit.append(p, "key.create", p.keyId() + " operator", clock.millis());
                    return p;
                });
            }
            commands = new StoredCommandOutbox(store, committer, id -> registry.find(id).isPresent(), clock);
            List<StoredUplinkListener> projections = new ArrayList<>();
            projections.add(commands);
            billing = Billing.open(dataDir, config, clock, store, registry, audit, committer, commands);
            projections.addAll(billing.projections());
            liveFeed = new LiveFeed(8192).start();
            FleetView fleetView = new FleetView(new FleetSnapshots(store), liveFeed);
            projections.add(fleetView);
            foresight = new Foresight(store, committer, series, registry, audit, clock,
                    config.get(HostConfig.DEVICE_OFFLINE_AFTER).toMillis(), Foresight.assignedTariffs(billing.tariffs()));
            projections.add(foresight.listener());
            // firmware images are signed by the same issuer keys as tokens and checkpoints: boards trust one set
            IssuerKeyring firmwareIssuers = billing.keyring();
            FirmwareTracker firmwareStates = new FirmwareTracker(new FileFirmwareStatusStore(dataDir.resolve("firmware-status.txt")));
            projections.add(firmwareStates);
            Ingest ingest = new Ingest(committer, series, registry, metrics, projections);
            long replayed = ingest.replayLog();
            if (replayed > 0) {
                Logger.info("re-applied {} uplinks from the ingest log after the last checkpoint", replayed);
            }
            coap = new CoapHost(config, registry, ingest, metrics, clock, dataDir.resolve("firmware"), commands);
            List<ApiRoutes> features = new ArrayList<>();
            features.add(new CommandApi(commands, registry, committer, audit, clock));
            features.addAll(billing.routes());
            features.add(new DashboardRoutes(fleetView, liveFeed, registry, keys, clock,
                    config.get(HostConfig.DEVICE_OFFLINE_AFTER)));
            features.addAll(foresight.routes());
            features.add(new FirmwareApi(new FirmwareImages(dataDir.resolve("firmware"), () -> firmwareIssuers.active().pair(),
                    firmwareIssuers::trustedPublicKey, clock),
                    firmwareStates, () -> commands,
                    registry, audit, committer, clock));
            features.add(new io.fieldlink.host.web.ExportApi(registry, series, clock));
            http = HttpApi.create(config, config.get(HostConfig.HTTP_PORT), registry, series, keys, audit, committer,
                    metrics, clock, features);
            gauges();
            coap.start();
            http.begin();
            foresight.start();
            housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "fieldlink-housekeeping");
                t.setDaemon(true);
                return t;
            });
            housekeeping.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
            Logger.info("host started: data {}, HTTP {}, CoAP+DTLS {}, plain CoAP {}", dataDir, httpPort(), coapsPort(),
                    coapPort() < 0 ? "off" : Integer.toString(coapPort()));
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** fw-update: the issuer keyring in {@code DIR/issuer-keys} (made with one active key at first start). */
    private void gauges() {
        long offlineMs = config.get(HostConfig.DEVICE_OFFLINE_AFTER).toMillis();
        metrics.gauge("fieldlink_devices", "Provisioned devices.", () -> registry.size());
        metrics.gauge("fieldlink_devices_online", "Devices heard from within device.offline-after.",
                () -> registry.all().stream().filter(d -> d.lastSeen() > 0 && clock.millis() - d.lastSeen() <= offlineMs).count());
        metrics.gauge("fieldlink_ingest_queue_depth", "Writes waiting for the committer.", () -> committer.queueDepth());
        metrics.gauge("fieldlink_commits", "Durable commits since start.", () -> committer.commits());
        metrics.gauge("fieldlink_commit_millis", "Milliseconds spent committing (hooks, MapDB commit, fsync) since start.",
                () -> committer.commitNanos() / 1_000_000);
        metrics.gauge("fieldlink_committed_writes", "Writes made durable since start (grouped into fieldlink_commits).",
                () -> committer.committedWrites());
        metrics.gauge("fieldlink_checkpoints", "Store checkpoints behind the ingest log since start.",
                () -> committer.checkpoints());
        metrics.gauge("fieldlink_storage_bytes", "Size of the database files.", () -> store.sizeBytes());
        metrics.gauge("fieldlink_commands_open", "Commands queued for devices and not yet reported applied or refused.",
                () -> commands.openCount());
    }

    /** Removes data older than its retention. Runs hourly; callable from tests. */
    public void prune() {
        long now = clock.millis();
        Map<Resolution, Long> cut = new EnumMap<>(Resolution.class);
        for (Resolution r : Resolution.values()) {
            cut.put(r, now - config.get(r.retentionKey()).toMillis());
        }
        long rawCut = now - config.get(HostConfig.RETENTION_RAW).toMillis();
        try {
            long n = committer.write(() -> series.prune(rawCut, cut));
            if (n > 0) {
                Logger.info("retention removed {} entries", n);
            }
        } catch (RuntimeException e) {
            Logger.error(e, "retention pass failed");
        }
    }

    /** @return the bound HTTP port */
    public int httpPort() {
        return http.getListeningPort();
    }

    /** @return the bound CoAP-over-DTLS port */
    public int coapsPort() {
        return coap.securePort();
    }

    /** @return the bound plain CoAP port, or -1 when the host runs without --insecure-coap */
    public int coapPort() {
        return coap.plainPort();
    }

    /** @return the operator API key (also in {@code DIR/operator.key}) */
    public String operatorKey() {
        return operatorKey.key();
    }

    /** @return true when this start created the operator key (first start) */
    public boolean operatorKeyCreated() {
        return operatorKey.createdNow();
    }

    /** @return the device registry (for in-process tools and tests) */
    public DeviceRegistry registry() {
        return registry;
    }

    /** @return the stored series (for in-process tools and tests) */
    public TimeSeriesStore series() {
        return series;
    }

    /** @return the CoAP side (for in-process tools such as the simulator's in-process connector) */
    public CoapHost coap() {
        return coap;
    }

    /** @return the command outbox: queued commands ride on each device's hello answers and Acks */
    public CommandOutbox commands() {
        return commands;
    }

    /** @return the books: ledger, issuer keys (for in-process tools and tests) */
    public Billing billing() {
        return billing;
    }

    /** @return the single writer (for in-process tools, tests and the load generator) */
    public Committer committer() {
        return committer;
    }

    /** @return predictions and alerts (for in-process tools and tests) */
    public Foresight foresight() {
        return foresight;
    }

    /** @return the metrics */
    public HostMetrics metrics() {
        return metrics;
    }

    /** @return the configuration in effect */
    public HostConfig config() {
        return config;
    }

    /** Stops CoAP and HTTP, lets the committer finish what it acknowledged, closes the store. */
    @Override
    public void close() {
        if (foresight != null) {
            foresight.close();
        }
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        if (http != null) {
            http.close();
        }
        if (liveFeed != null) {
            liveFeed.close();
        }
        if (coap != null) {
            coap.close();
        }
        if (committer != null) {
            if (registry != null) {
                try {
                    committer.write(() -> {
                        registry.writeSeen();
                        return null;
                    });
                } catch (RuntimeException e) {
                    Logger.warn("last-seen times not written at shutdown: {}", e.toString());
                }
            }
            committer.close();
        }
        if (billing != null) {
            billing.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** Collects the data directory, configuration, ports and clock; {@link #build()} checks them. */
    public static final class Builder {
        private Path dataDir;
        private HostConfig config = HostConfig.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** @param dir the data directory (created when absent) */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Replaces the whole configuration (ports set before are lost; set them after). */
        public Builder config(HostConfig c) {
            this.config = c;
            return this;
        }

        /** @param port HTTP port, 0 for any */
        public Builder httpPort(int port) {
            config = config.with(HostConfig.HTTP_PORT, port);
            return this;
        }

        /** @param port CoAP-over-DTLS port, 0 for any */
        public Builder coapsPort(int port) {
            config = config.with(HostConfig.COAPS_PORT, port);
            return this;
        }

        /** Opens plain CoAP on {@code port} (0 for any): devices then name themselves with ?d=. */
        public Builder insecureCoap(int port) {
            config = config.with(HostConfig.COAP_PORT, port).with(HostConfig.COAP_INSECURE, true);
            return this;
        }

        /** @param address bind address for CoAP and HTTP, e.g. 127.0.0.1 in tests */
        public Builder bindAddress(String address) {
            config = config.with(HostConfig.BIND_ADDRESS, address);
            return this;
        }

        /** @param c the clock for receive times and online status */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /**
         * @throws IllegalStateException when no data directory is set, or CoAP and HTTP share a port
         */
        public HostServer build() {
            if (dataDir == null) {
                throw new IllegalStateException("dataDir is required");
            }
            int coaps = config.get(HostConfig.COAPS_PORT);
            if (config.get(HostConfig.COAP_INSECURE) && coaps != 0 && coaps == config.get(HostConfig.COAP_PORT)) {
                throw new IllegalStateException("coap.port and coaps.port are both " + coaps);
            }
            return new HostServer(dataDir, config, clock);
        }
    }
}
