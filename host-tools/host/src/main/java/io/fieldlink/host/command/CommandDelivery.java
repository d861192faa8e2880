package io.fieldlink.host.command;

import io.fieldlink.protocol.record.Command;
import java.util.List;

/**
 * The CoAP side of the {@link CommandOutbox}: which commands ride on a device's next response, and
 * what the device reported. Thread-safe unless a method says otherwise.
 */
public interface CommandDelivery {
    /**
     * @param maxBytes budget for the encoded commands; the oldest command is returned even when it is larger
     * @return the device's open commands (queued or sent), oldest first, within the budget; empty when none
     */
    List<Command> deliverable(String deviceId, int maxBytes);

    /** Notes that {@code commands} went out on a response (queued → sent). Returns at once; the note is written later. */
    void sent(String deviceId, List<Command> commands);

    /**
     * The device reported what it did with a command. Committer thread only, inside the commit that
     * stores the report, so the command is retired exactly when the report is durable. A report for
     * an unknown or already retired command changes nothing.
     *
     * @param reason why it was refused; null when applied
     */
    void reported(String deviceId, long commandId, boolean applied, String reason);
}
