/**
 * Alerts: rules (a threshold held for a duration, device offline, low balance runway, anomaly
 * findings), the open → acknowledged → cleared life cycle kept in an
 * {@link io.fieldlink.host.alert.AlertBook} and saved through the
 * {@link io.fieldlink.host.alert.AlertRepository} port, and webhook notifications retried with
 * back-off by the {@link io.fieldlink.host.alert.WebhookDispatcher} (pending deliveries kept through
 * the {@link io.fieldlink.host.alert.DeliveryStore} port, so they survive a restart). Plain Java domain code: must not
 * import Californium, MapDB, NanoHTTPD or any transport, storage or UI library (storage lives in
 * {@code host.store.alert}, HTTP in {@code host.web}).
 */
package io.fieldlink.host.alert;
