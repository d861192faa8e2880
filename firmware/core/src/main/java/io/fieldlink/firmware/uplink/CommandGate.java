package io.fieldlink.firmware.uplink;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.hal.Crypto;
import io.fieldlink.firmware.hal.Log;
import io.fieldlink.firmware.hal.LogLevel;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.record.Command;
import io.fieldlink.protocol.record.CommandResult;
import io.fieldlink.protocol.record.CommandType;
import io.fieldlink.protocol.record.UplinkRecord;

/**
 * Hands host commands to the app's {@link HostCommandHandler}, each command id once (among the last
 * {@value #REMEMBERED} seen since boot), and only after the signature of a signed type (tariff,
 * credit push, relay override, shut-in reset) verified against the board's {@link IssuerKeys}: a
 * signed type whose body does not verify never reaches the handler.
 *
 * <p>What the handler gets: {@link HostCommand#name()} is {@link #nameOf}; the arguments are the
 * verified COSE payload (the body map) for signed types, {@code {1: key, 2: value}} for a config set
 * and the firmware notice map for a firmware update.
 *
 * <p>With a journal, every command acted on (applied, refused by the app, or refused for its
 * signature or for want of a handler) is reported by journaling a {@link CommandResult} (uplink
 * record kind 6) at the wall time, so the result reaches the host like any record and the host
 * retires the command. A command id already reported is never acted on again: {@link #remember}
 * is called at boot for the results still unacknowledged in the journal. Event-loop thread only.
 */
public final class CommandGate {
    /** Result code when the signature did not verify. */
    public static final int REFUSED_SIGNATURE = -1;
    /** Result code when no handler is registered. */
    public static final int REFUSED_NO_HANDLER = -2;
    /** Result code when the command id was already handled. */
    public static final int ALREADY_DONE = -3;
    static final int REMEMBERED = 32;

    private final Crypto crypto;
    private final IssuerKeys issuers;
    private final Log log;
    private final Journal journal;
    private final Clock clock;
    /** The last {@value #REMEMBERED} command ids (a ring once full; grows to that size as ids come). */
    private long[] recentIds = new long[4];
    private int recentCount;
    private int recentNext;
    private HostCommandHandler handler;
    private long refused;

    /**
     * @param crypto the board's crypto
     * @param issuers the trusted issuer keys
     * @param log the board log
     */
    public CommandGate(Crypto crypto, IssuerKeys issuers, Log log) {
        this(crypto, issuers, log, null, null);
    }

    /**
     * A gate that reports what it did with each command in {@code journal}.
     *
     * @param journal where command results are journaled, or null to report nothing
     * @param clock gives the wall time of a result (required with a journal)
     */
    public CommandGate(Crypto crypto, IssuerKeys issuers, Log log, Journal journal, Clock clock) {
        if (journal != null && clock == null) {
            throw new IllegalArgumentException("a gate that journals results needs a clock");
        }
        this.crypto = crypto;
        this.issuers = issuers;
        this.log = log;
        this.journal = journal;
        this.clock = clock;
    }

    /** @param handler the app's handler, or null to refuse every command */
    public void setHandler(HostCommandHandler handler) {
        this.handler = handler;
    }

    /** @return commands refused for a bad or missing signature since boot */
    public long refusedCount() {
        return refused;
    }

    /**
     * @param type a command type
     * @return the name the app sees: tariff, credit, relay, config, firmware, shutin-reset
     */
    public static String nameOf(CommandType type) {
        switch (type) {
            case TARIFF:
                return "tariff";
            case CREDIT_PUSH:
                return "credit";
            case RELAY_OVERRIDE:
                return "relay";
            case CONFIG_SET:
                return "config";
            case FIRMWARE_UPDATE:
                return "firmware";
            default:
                return "shutin-reset";
        }
    }

    /**
     * Applies each command of a response (null or empty: nothing).
     *
     * @param commands the commands, in order
     * @return how many were acted on (not already done), i.e. how many results were journaled
     */
    public int applyAll(Command[] commands) {
        if (commands == null) {
            return 0;
        }
        int acted = 0;
        for (int i = 0; i < commands.length; i++) {
            if (apply(commands[i]) != ALREADY_DONE) {
                acted++;
            }
        }
        return acted;
    }

    /**
     * @param command one command from the host
     * @return the handler's result, or one of this class's refusal codes
     */
    public int apply(Command command) {
        if (seen(command.id())) {
            return ALREADY_DONE;
        }
        byte[] arguments;
        boolean signed = command.type().signed();
        if (signed) {
            arguments = issuers.verifiedPayload(crypto, command.signedBody());
            if (arguments == null) {
                refused++;
                log.log(LogLevel.WARN, "uplink", "refused " + nameOf(command.type()) + " command "
                        + command.id() + ": signature does not verify against a trusted issuer");
                remember(command.id());
                report(command.id(), REFUSED_SIGNATURE);
                return REFUSED_SIGNATURE;
            }
        } else {
            CborWriter scratch = new CborWriter(64); // commands are rare: no writer kept per board
            if (command.firmwareNotice() != null) {
                command.firmwareNotice().encode(scratch);
            } else {
                scratch.writeMapHeader(2).writeInt(1).writeText(command.configKey()).writeInt(2)
                        .writeText(command.configValue());
            }
            arguments = scratch.toByteArray();
        }
        remember(command.id());
        int result = handler == null ? REFUSED_NO_HANDLER
                : handler.onCommand(new HostCommand(command.id(), nameOf(command.type()), arguments, signed));
        report(command.id(), result);
        return result;
    }

    /** Journals what was done with command {@code id} (nothing without a journal). */
    private void report(long id, int result) {
        if (journal == null) {
            return;
        }
        CommandResult r;
        if (result == 0) {
            r = CommandResult.applied(id);
        } else if (result == REFUSED_SIGNATURE) {
            r = CommandResult.refused(id, "bad-signature");
        } else if (result == REFUSED_NO_HANDLER) {
            r = CommandResult.refused(id, "no-handler");
        } else {
            r = CommandResult.refused(id, "app code " + result);
        }
        CborWriter scratch = new CborWriter(64);
        r.encode(scratch);
        long at = clock.wallTimeKnown() ? clock.wallMillis() : 0;
        if (journal.append(UplinkRecord.COMMAND_RESULT, at, scratch.buffer(), 0, scratch.size()) < 0) {
            log.log(LogLevel.ERROR, "uplink", "journal full: the result of command " + id + " is not reported");
        }
    }

    /**
     * Marks a command id as done without acting on it (at boot, for the results still waiting in the
     * journal).
     */
    public void remember(long id) {
        if (seen(id)) {
            return;
        }
        if (recentNext == recentIds.length) {
            long[] more = new long[Math.min(REMEMBERED, recentIds.length * 2)];
            System.arraycopy(recentIds, 0, more, 0, recentCount);
            recentIds = more;
        }
        recentIds[recentNext] = id;
        recentNext = (recentNext + 1) % REMEMBERED;
        if (recentCount < REMEMBERED) {
            recentCount++;
        }
    }

    private boolean seen(long id) {
        for (int i = 0; i < recentCount; i++) {
            if (recentIds[i] == id) {
                return true;
            }
        }
        return false;
    }

}
