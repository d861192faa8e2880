package io.fieldlink.host.store.alert;

import io.fieldlink.host.alert.Alert;
import io.fieldlink.host.alert.AlertJson;
import io.fieldlink.host.alert.AlertRepository;
import io.fieldlink.host.alert.AlertSettings;
import io.fieldlink.host.alert.DeliveryStore;
import io.fieldlink.host.alert.PendingDelivery;
import io.fieldlink.host.alert.Webhook;
import io.fieldlink.host.store.Committer;
import io.fieldlink.host.store.HostStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mapdb.BTreeMap;

/**
 * {@link AlertRepository} and {@link DeliveryStore} on the host store: maps {@code alerts},
 * {@code webhooks}, {@code webhook-deliveries} (keyed by the id zero-padded to 19 digits, so they
 * sort by id) and {@code alert-settings}. Writes go through the
 * {@link Committer} and return once durable: never call them on the committer thread. An alert's
 * save is a {@link Committer#loggedPut logged put} (one ingest log entry, re-applied by a replay),
 * so the alerts a burst of readings raises and clears cost log appends, not a store checkpoint
 * each; the other writes commit the store. Reads are thread-safe.
 */
public final class StoredAlerts implements AlertRepository, DeliveryStore {
    private static final String SETTINGS = "settings";
    private static final String ALERTS = "alerts";
    private final Committer committer;
    private final BTreeMap<String, String> alerts;
    private final BTreeMap<String, String> webhooks;
    private final BTreeMap<String, String> settings;
    private final BTreeMap<String, String> deliveries;

    /** Opens (creating when absent) the maps in {@code store}. */
    public StoredAlerts(HostStore store, Committer committer) {
        this.committer = committer;
        // alert saves are logged writes: durable with the next ingest log append, not a checkpoint each
        this.alerts = committer.loggedTextMap(ALERTS);
        this.webhooks = store.textMap("webhooks");
        this.settings = store.textMap("alert-settings");
        this.deliveries = store.textMap("webhook-deliveries");
    }

    private static String id(long id) {
        return String.format("%019d", id);
    }

    @Override
    public List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        for (String json : alerts.values()) {
            out.add(AlertJson.alert(json));
        }
        return out;
    }

    @Override
    public void save(Alert alert) {
        String json = AlertJson.toJson(alert);
        committer.loggedPut(ALERTS, id(alert.id()), json);
    }

    @Override
    public List<Webhook> webhooks() {
        List<Webhook> out = new ArrayList<>();
        for (String json : webhooks.values()) {
            out.add(AlertJson.webhook(json));
        }
        return out;
    }

    @Override
    public void save(Webhook webhook) {
        String json = AlertJson.toJson(webhook);
        committer.write(() -> webhooks.put(id(webhook.id()), json));
    }

    @Override
    public boolean deleteWebhook(long id) {
        return committer.write(() -> webhooks.remove(id(id)) != null);
    }

    @Override
    public Optional<AlertSettings> settings() {
        String json = settings.get(SETTINGS);
        return json == null ? Optional.empty() : Optional.of(AlertJson.settings(json, AlertSettings.defaults()));
    }

    @Override
    public void save(AlertSettings s) {
        String json = AlertJson.toJson(s);
        committer.write(() -> settings.put(SETTINGS, json));
    }

    @Override
    public List<PendingDelivery> pendingDeliveries() {
        List<PendingDelivery> out = new ArrayList<>();
        for (String json : deliveries.values()) {
            out.add(AlertJson.delivery(json));
        }
        return out;
    }

    @Override
    public void savePending(List<PendingDelivery> list) {
        if (list.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        List<String> jsons = new ArrayList<>();
        for (PendingDelivery d : list) {
            keys.add(id(d.id()));
            jsons.add(AlertJson.toJson(d));
        }
        committer.write(() -> {
            for (int i = 0; i < keys.size(); i++) {
                deliveries.put(keys.get(i), jsons.get(i));
            }
            return null;
        });
    }

    @Override
    public void deletePending(long id) {
        committer.write(() -> deliveries.remove(id(id)));
    }
}
