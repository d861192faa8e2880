package io.fieldlink.host;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.boards.ChannelType;
import io.fieldlink.host.alert.AlertBook;
import io.fieldlink.host.alert.AlertConfig;
import io.fieldlink.host.alert.AlertEngine;
import io.fieldlink.host.alert.WebhookDispatcher;
import io.fieldlink.host.billing.tariff.Tariffs;
import io.fieldlink.host.billing.tariff.TimeOfUseTariff;
import io.fieldlink.host.ingest.Bucket;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Resolution;
import io.fieldlink.host.ingest.StoredEvent;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.prediction.SeriesSource;
import io.fieldlink.host.prediction.anomaly.AnomalyMonitor;
import io.fieldlink.host.prediction.anomaly.ChannelWatch;
import io.fieldlink.host.prediction.runway.MeterRunway;
import io.fieldlink.host.prediction.runway.RunwayEstimator;
import io.fieldlink.host.prediction.runway.TariffBands;
import io.fieldlink.host.prediction.runway.TariffLookup;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.store.Committer;
import io.fieldlink.host.store.HostStore;
import io.fieldlink.host.store.TimeSeriesStore;
import io.fieldlink.host.store.alert.StoredAlerts;
import io.fieldlink.host.web.AlertApi;
import io.fieldlink.host.web.ApiRoutes;
import io.fieldlink.host.web.PredictionApi;
import io.fieldlink.host.web.WebhookHttpSender;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Wires predictions and alerts into the host: the alert store, book, engine (a stored-uplink
 * listener that only queues) and webhook dispatcher, their scheduler (evaluate queued uplinks and
 * send due webhooks every second, the offline rule every minute, the runway rule every 15 minutes),
 * and the prediction and alert API routes. Start after the store is open; close before it closes.
 */
public final class Foresight implements AutoCloseable {
    private final AlertEngine engine;
    private final AlertBook book;
    private final AlertConfig config;
    private final WebhookDispatcher dispatcher;
    private final DeviceRegistry registry;
    private final MeterRunway runways;
    private final TariffLookup tariffs;
    private final Clock clock;
    private final long offlineAfterMillis;
    private final List<ApiRoutes> routes;
    private ScheduledExecutorService scheduler;

    /**
     * @param offlineAfterMillis silence after which a device is offline
     */
    public Foresight(HostStore store, Committer committer, TimeSeriesStore series, DeviceRegistry registry, AuditLog audit,
            Clock clock, long offlineAfterMillis) {
        this(store, committer, series, registry, audit, clock, offlineAfterMillis, TariffLookup.none());
    }

    /**
     * @param offlineAfterMillis silence after which a device is offline
     * @param tariffs each meter's assigned tariff (see {@link #assignedTariffs}); meters without one
     *     use the alert settings' tariff
     */
    public Foresight(HostStore store, Committer committer, TimeSeriesStore series, DeviceRegistry registry, AuditLog audit,
            Clock clock, long offlineAfterMillis, TariffLookup tariffs) {
        this.registry = registry;
        this.tariffs = tariffs;
        this.clock = clock;
        this.offlineAfterMillis = offlineAfterMillis;
        StoredAlerts repository = new StoredAlerts(store, committer);
        this.config = new AlertConfig(repository);
        this.dispatcher = new WebhookDispatcher(config::webhooks, new WebhookHttpSender(), clock, 1_000, 300_000, 12,
                repository);
        this.book = new AlertBook(repository, dispatcher::enqueue);
        AnomalyMonitor.ChannelKinds kinds = channelKinds(registry);
        this.engine = new AlertEngine(book, new AnomalyMonitor(kinds, ChannelWatch.Settings.defaults()), config::settings,
                100_000);
        SeriesSource source = source(series);
        this.runways = new MeterRunway(source);
        this.routes = List.of(new PredictionApi(registry, source, config, kinds, clock, tariffs),
                new AlertApi(book, config, audit, committer, clock));
    }

    /** @return the listener to add to the host's projections */
    public StoredUplinkListener listener() {
        return engine;
    }

    /** @return the prediction and alert route groups */
    public List<ApiRoutes> routes() {
        return routes;
    }

    /** Starts the scheduler. */
    public Foresight start() {
        // the ingest log was re-applied since the book loaded: it may hold alerts saved after the checkpoint
        book.reload();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fieldlink-alerts");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> guarded("evaluate", () -> {
            engine.drain();
            dispatcher.runDue();
        }), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("offline check", this::checkOffline), 60, 60, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("runway check", this::checkRunways), 1, 15, TimeUnit.MINUTES);
        return this;
    }

    /** Runs the offline and low-runway rules once. */
    public void checkDevices() {
        checkOffline();
        checkRunways();
    }

    /** The offline rule for every device (the scheduler runs it every minute). */
    public void checkOffline() {
        Map<String, Long> seen = new HashMap<>();
        for (Device d : registry.all()) {
            seen.put(d.id(), d.lastSeen());
        }
        engine.checkDevices(seen, clock.millis(), offlineAfterMillis);
    }

    /** The low-runway rule for every meter (the scheduler runs it every 15 minutes). */
    public void checkRunways() {
        long now = clock.millis();
        RunwayEstimator reminders = new RunwayEstimator(config.settings().reminderDays());
        TariffBands fallback = TariffBands.parse(config.settings().tariff());
        for (Device d : registry.all()) {
            if (d.board() == BoardKind.METER) {
                TariffBands tariff = tariffs.assigned(d.id(), now).orElse(fallback);
                runways.estimate(d.id(), now, 14, tariff, reminders, 0)
                        .ifPresent(e -> engine.checkRunway(d.id(), e.runway(), e.balanceMilli(), now));
            }
        }
    }

    /**
     * The tariffs billing assigned to meters ({@code POST /api/accounts/{meter}/tariff}), as runway
     * tariffs: the tariff in force at the instant, bands of the UTC day priced per hour.
     */
    public static TariffLookup assignedTariffs(Tariffs book) {
        return (meter, atMillis) -> book.inForce(meter, atMillis).map(Foresight::bands);
    }

    static TariffBands bands(TimeOfUseTariff t) {
        long[] p = new long[24];
        for (int h = 0; h < 24; h++) {
            p[h] = t.bands().get(t.bandAt(h * 60)).priceMilliPerKwh();
        }
        return TariffBands.hourly(p);
    }

    /** Evaluates queued uplinks and sends due webhooks now (the scheduler does this every second). */
    public void evaluateNow() {
        engine.drain();
        dispatcher.runDue();
    }

    /** @return the webhook dispatcher (for in-process tools and tests) */
    public WebhookDispatcher webhooks() {
        return dispatcher;
    }

    /** @return the alert book (for in-process tools and tests) */
    public AlertBook alerts() {
        return book;
    }

    private static void guarded(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            Logger.error(e, "alerts: {} failed", what);
        }
    }

    private static AnomalyMonitor.ChannelKinds channelKinds(DeviceRegistry registry) {
        Map<BoardKind, Map<String, ChannelType>> types = new EnumMap<>(BoardKind.class);
        for (BoardKind k : BoardKind.values()) {
            Map<String, ChannelType> m = new HashMap<>();
            BoardDefinition def = BoardLoader.builtIn(k.wireName());
            for (ChannelDefinition c : def.channels()) {
                m.put(c.name(), c.type());
            }
            types.put(k, m);
        }
        return (device, channel) -> registry.find(device).map(d -> types.get(d.board()).get(channel))
                .orElse(ChannelType.ANALOG);
    }

    private static SeriesSource source(TimeSeriesStore series) {
        return new SeriesSource() {
            @Override
            public List<Reading> readings(String device, String channel, long from, long to, int limit) {
                return series.readings(device, channel, from, to, limit);
            }

            @Override
            public List<Bucket> buckets(String device, String channel, Resolution res, long from, long to, int limit) {
                return series.buckets(device, channel, res, from, to, limit);
            }

            @Override
            public List<StoredEvent> events(String device, long from, long to, int limit) {
                return series.events(device, from, to, limit);
            }
        };
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
