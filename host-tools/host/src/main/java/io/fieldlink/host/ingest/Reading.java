package io.fieldlink.host.ingest;

/**
 * One numeric sample.
 *
 * @param channel the resolved SenML name (base name + name), e.g. {@code voltage}
 * @param timeMillis when it was measured, epoch milliseconds
 * @param value the value in the channel's SenML unit
 */
public record Reading(String channel, long timeMillis, double value) {
    /** The latest time a reading may carry: 9999-12-31T23:59:59.999Z (the earliest is the epoch). */
    public static final long MAX_TIME_MS = 253_402_300_799_999L;
}
