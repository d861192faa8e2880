package io.fieldlink.firmware.console;

/**
 * One console command. Subclass it (portable code has no lambdas) and {@link Shell#register} it.
 * Runs on the event-loop thread and must not block.
 */
public abstract class ConsoleCommand {
    private final String name;
    private final String usage;
    private final boolean changesState;

    /**
     * @param name the first word, lower case, e.g. {@code credit}
     * @param usage one line shown by {@code help}, e.g. {@code credit <token> - enter a credit token}
     * @param changesState true if every use needs a technician login (see {@link #needsLogin})
     */
    protected ConsoleCommand(String name, String usage, boolean changesState) {
        this.name = name;
        this.usage = usage;
        this.changesState = changesState;
    }

    /** @return the command word */
    public final String name() {
        return name;
    }

    /** @return the help line */
    public final String usage() {
        return usage;
    }

    /**
     * Whether this use of the command changes state and therefore needs a login. Override for
     * commands with read-only and changing forms (e.g. {@code config get} vs {@code config set}).
     *
     * @param line the parsed line
     * @return true if a login is required
     */
    public boolean needsLogin(CommandLine line) {
        return changesState;
    }

    /**
     * Does the work and fills the reply; bad arguments become {@code reply.error("usage", ...)}.
     *
     * @param line the parsed line (word 0 is the command)
     * @param reply the answer to fill
     */
    public abstract void run(CommandLine line, Reply reply);
}
