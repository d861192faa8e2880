package io.fieldlink.host.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory repository for tests of the alert rules (persistence is tested on MapDB). */
final class MemoryAlerts implements AlertRepository {
    final TreeMap<Long, Alert> alerts = new TreeMap<>();
    final TreeMap<Long, Webhook> webhooks = new TreeMap<>();
    AlertSettings settings;
    private int alertSaves;

    @Override
    public synchronized List<Alert> alerts() {
        return new ArrayList<>(alerts.values());
    }

    @Override
    public synchronized void save(Alert alert) {
        alerts.put(alert.id(), alert);
        alertSaves++;
    }

    /** @return how many times an alert was saved */
    synchronized int saves() {
        return alertSaves;
    }

    @Override
    public synchronized List<Webhook> webhooks() {
        return new ArrayList<>(webhooks.values());
    }

    @Override
    public synchronized void save(Webhook webhook) {
        webhooks.put(webhook.id(), webhook);
    }

    @Override
    public synchronized boolean deleteWebhook(long id) {
        return webhooks.remove(id) != null;
    }

    @Override
    public synchronized Optional<AlertSettings> settings() {
        return Optional.ofNullable(settings);
    }

    @Override
    public synchronized void save(AlertSettings s) {
        settings = s;
    }
}
