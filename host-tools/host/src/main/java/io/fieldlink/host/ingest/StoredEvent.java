package io.fieldlink.host.ingest;

/**
 * An event as stored.
 *
 * @param timeMillis when it happened on the device
 * @param seq the uplink's sequence number (-1 for plain SenML)
 * @param index its position within the uplink
 * @param type what happened
 * @param body JSON text
 */
public record StoredEvent(long timeMillis, long seq, long index, String type, String body) {
}
