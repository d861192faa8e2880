package io.fieldlink.host.command;

import io.fieldlink.protocol.record.CommandType;

/**
 * One command in a device's outbox, as the API shows it.
 *
 * @param id the command id
 * @param deviceId the device it is for
 * @param type its type
 * @param state queued (not yet sent), sent (on at least one response), applied, refused
 * @param detail why it was refused, empty otherwise
 * @param queuedAtMs when it was queued (host clock)
 */
public record QueuedCommand(long id, String deviceId, CommandType type, String state, String detail, long queuedAtMs) {
}
