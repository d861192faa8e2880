package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * What a device did with a host command: applied it, or refused it and why. The device journals one
 * when it acts on a command id (uplink record kind 6), so it reaches the host like any record,
 * survives reboots until acknowledged, and the host retires the command when it stores it.
 *
 * <pre>{0: version 1, 1: command id (uint64), 2: outcome (uint: 0 applied, 1 refused),
 *  3: reason (text, 1..64 characters; only when refused)}</pre>
 */
public final class CommandResult extends CborRecord {
    public static final long VERSION = 1;
    public static final int APPLIED = 0;
    public static final int REFUSED = 1;
    /** Longest reason kept; longer ones are cut. */
    public static final int MAX_REASON = 64;

    private final long commandId;
    private final int outcome;
    private final String reason;

    private CommandResult(long commandId, int outcome, String reason) {
        this.commandId = commandId;
        this.outcome = outcome;
        this.reason = reason;
    }

    /** The command was applied. */
    public static CommandResult applied(long commandId) {
        return new CommandResult(commandId, APPLIED, null);
    }

    /**
     * The command was refused.
     *
     * @param reason why, e.g. {@code bad-signature} or {@code app code 4}; cut to {@value #MAX_REASON} characters
     */
    public static CommandResult refused(long commandId, String reason) {
        String r = Check.text(reason, "commandResult.reason");
        if (r.length() == 0) {
            throw new RecordException("commandResult.reason: must not be empty");
        }
        return new CommandResult(commandId, REFUSED, r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r);
    }

    /** Unsigned 64-bit bits. */
    public long commandId() {
        return commandId;
    }

    public boolean applied() {
        return outcome == APPLIED;
    }

    /** Why it was refused; null when applied. */
    public String reason() {
        return reason;
    }

    @Override
    public String recordName() {
        return "commandResult";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(reason == null ? 3 : 4).writeInt(0).writeInt(VERSION).writeInt(1).writeUnsigned(commandId)
                .writeInt(2).writeInt(outcome);
        if (reason != null) {
            w.writeInt(3).writeText(reason);
        }
    }

    public static CommandResult decode(byte[] encoded) {
        return from(FieldMap.read(encoded, "commandResult", VERSION));
    }

    static CommandResult from(FieldMap m) {
        long id = m.uint64(1, "commandId");
        long outcome = m.uint(2, "outcome");
        if (outcome == APPLIED) {
            if (m.has(3)) {
                throw m.invalid("reason", "only a refusal has a reason");
            }
            return applied(id);
        }
        if (outcome != REFUSED) {
            throw m.invalid("outcome", "unknown code " + outcome);
        }
        String reason = m.text(3, "reason");
        if (reason.length() == 0 || reason.length() > MAX_REASON) {
            throw m.invalid("reason", "must be 1.." + MAX_REASON + " characters");
        }
        return refused(id, reason);
    }
}
