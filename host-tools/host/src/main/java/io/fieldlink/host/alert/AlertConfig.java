package io.fieldlink.host.alert;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The alert settings and webhooks in force: loaded from the repository at start, changed through
 * here (saved first, then used). Thread-safe.
 */
public final class AlertConfig {
    private final AlertRepository repository;
    private final List<Webhook> webhooks;
    private volatile AlertSettings settings;

    public AlertConfig(AlertRepository repository) {
        this.repository = repository;
        this.settings = repository.settings().orElse(AlertSettings.defaults());
        this.webhooks = new CopyOnWriteArrayList<>(repository.webhooks());
    }

    /** @return the settings in force */
    public AlertSettings settings() {
        return settings;
    }

    /** Saves and applies new settings. */
    public synchronized void settings(AlertSettings s) {
        repository.save(s);
        settings = s;
    }

    /** @return the webhooks, by id */
    public List<Webhook> webhooks() {
        return List.copyOf(webhooks);
    }

    /**
     * Adds a webhook.
     *
     * @throws IllegalArgumentException for a URL that is not http(s), or one already configured
     */
    public synchronized Webhook addWebhook(String url) {
        long id = 1;
        for (Webhook h : webhooks) {
            if (h.url().equals(url)) {
                throw new IllegalArgumentException("url: already configured as webhook " + h.id());
            }
            id = Math.max(id, h.id() + 1);
        }
        Webhook h = new Webhook(id, url);
        repository.save(h);
        webhooks.add(h);
        return h;
    }

    /** @return true when it existed */
    public synchronized boolean removeWebhook(long id) {
        boolean removed = repository.deleteWebhook(id);
        webhooks.removeIf(h -> h.id() == id);
        return removed;
    }
}
