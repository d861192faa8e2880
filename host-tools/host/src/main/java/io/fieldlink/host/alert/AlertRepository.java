package io.fieldlink.host.alert;

import java.util.List;
import java.util.Optional;

/**
 * Where alerts, webhooks and alert settings are kept across restarts (the store implements it).
 * Each call is durable when it returns. Thread-safe.
 */
public interface AlertRepository {
    /** @return every stored alert, by id */
    List<Alert> alerts();

    /** Stores (or replaces) an alert by id. */
    void save(Alert alert);

    /** @return every webhook, by id */
    List<Webhook> webhooks();

    /** Stores (or replaces) a webhook by id. */
    void save(Webhook webhook);

    /** @return true when a webhook with that id was removed */
    boolean deleteWebhook(long id);

    /** @return the settings saved last, if any */
    Optional<AlertSettings> settings();

    /** Stores the settings. */
    void save(AlertSettings settings);
}
