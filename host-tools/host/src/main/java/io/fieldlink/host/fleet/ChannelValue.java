package io.fieldlink.host.fleet;

/**
 * The latest reading of one channel.
 *
 * @param timeMillis when it was measured, epoch milliseconds
 * @param value in the channel's SenML unit
 */
public record ChannelValue(long timeMillis, double value) {
}
