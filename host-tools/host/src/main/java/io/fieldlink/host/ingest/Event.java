package io.fieldlink.host.ingest;

/**
 * One device event (alarm, relay change, sale, string or boolean SenML record ...).
 *
 * @param type what happened, e.g. {@code tamper} or a SenML name
 * @param timeMillis when it happened on the device, epoch milliseconds
 * @param body JSON text with the event's fields
 */
public record Event(String type, long timeMillis, String body) {
}
