package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * The host's response to {@code hello}: its clock, and commands waiting for the device.
 *
 * <pre>{0: version 1, 1: host time (uint, epoch ms), 2: commands (array of commands; absent when none)}</pre>
 */
public final class HelloAnswer extends CborRecord {
    public static final long VERSION = 1;

    private final long hostTimeMs;
    private final Command[] commands;

    public HelloAnswer(long hostTimeMs, Command[] commands) {
        this.hostTimeMs = Check.unsigned(hostTimeMs, "helloAnswer.hostTime");
        this.commands = commands.clone();
    }

    /** The host's time when it answered, epoch ms. */
    public long hostTimeMs() {
        return hostTimeMs;
    }

    public Command[] commands() {
        return commands.clone();
    }

    @Override
    public String recordName() {
        return "helloAnswer";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(commands.length > 0 ? 3 : 2).writeInt(0).writeInt(VERSION).writeInt(1).writeInt(hostTimeMs);
        if (commands.length > 0) {
            w.writeInt(2);
            Command.writeAll(commands, w);
        }
    }

    public static HelloAnswer decode(byte[] encoded) {
        FieldMap m = FieldMap.read(encoded, "helloAnswer", VERSION);
        return new HelloAnswer(m.uint(1, "hostTime"), m.has(2) ? Command.readAll(m, 2, "commands") : new Command[0]);
    }
}
