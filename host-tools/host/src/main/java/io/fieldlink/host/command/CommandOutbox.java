package io.fieldlink.host.command;

import io.fieldlink.protocol.record.CommandType;
import io.fieldlink.protocol.record.FirmwareNotice;
import java.util.List;

/**
 * Commands waiting for a device. A queued command rides on the device's next {@code hello} answer
 * and {@code up} acknowledgement until the device reports it applied or refused, so a device that
 * sleeps, or loses a response, still gets it exactly once (the device acts on each command id once).
 * Queued commands survive a host restart.
 *
 * <p>Features that move money or safety state on a device (credit pushes, tariffs, relay overrides,
 * shut-in resets) queue signed commands through this; they never talk to CoAP themselves.
 */
public interface CommandOutbox {
    /**
     * Queues a signed command.
     *
     * @param coseSign1 the encoded COSE_Sign1 over the type's body, signed by an issuer key
     * @return the command id, unique per host
     * @throws IllegalArgumentException when {@code type} is not a signed type or the device is unknown
     */
    long queueSigned(String deviceId, CommandType type, byte[] coseSign1);

    /** Queues an unsigned {@code config set}. @return the command id */
    long queueConfig(String deviceId, String key, String value);

    /** Queues a firmware update notice. @return the command id */
    long queueFirmware(String deviceId, FirmwareNotice notice);

    /** @return the device's commands, oldest first, with their state (queued, sent, applied, refused) */
    List<QueuedCommand> commands(String deviceId);
}
