package io.fieldlink.host.web;

/**
 * A feature's group of HTTP routes. Each feature (ledger, billing, predictions, alerts, dashboard)
 * keeps its handlers in one class in this package that implements this, and the host adds it when it
 * wires the HTTP API: features never edit each other's route tables.
 */
public interface ApiRoutes {
    /** Adds this feature's routes to {@code router}. Called once, before the server starts. */
    void addTo(Router router);
}
