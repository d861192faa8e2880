package io.fieldlink.host.ingest;

/**
 * One numeric sample.
 *
 * @param channel the resolved SenML name (base name + name), e.g. {@code voltage}
 * @param timeMillis when it was measured, epoch milliseconds
 * @param value the value in the channel's SenML unit
 */
public record Reading(String channel, long timeMillis, double value) {
}
