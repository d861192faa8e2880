package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * A wellhead (or station) alarm raised or cleared on a channel.
 *
 * <pre>{0: version 1, 1: channel (text, e.g. "tubing-pressure"), 2: level (uint: 1 H, 2 L, 3 HH, 4 LL),
 *  3: value (number, in the channel's SenML unit), 4: raised (bool: true raised, false cleared)}</pre>
 */
public final class Alarm extends CborRecord {
    public static final long VERSION = 1;

    private final String channel;
    private final AlarmLevel level;
    private final double value;
    private final boolean raised;

    public Alarm(String channel, AlarmLevel level, double value, boolean raised) {
        this.channel = Check.text(channel, "alarm.channel");
        this.level = Check.present(level, "alarm.level");
        this.value = value;
        this.raised = raised;
    }

    public String channel() {
        return channel;
    }

    public AlarmLevel level() {
        return level;
    }

    /** The value that crossed (or came back inside) the limit, in the channel's unit. */
    public double value() {
        return value;
    }

    /** True when raised, false when cleared. */
    public boolean raised() {
        return raised;
    }

    @Override
    public String recordName() {
        return "alarm";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(5).writeInt(0).writeInt(VERSION).writeInt(1).writeText(channel)
                .writeInt(2).writeInt(level.code()).writeInt(3);
        Numbers.write(w, value);
        w.writeInt(4).writeBoolean(raised);
    }

    public static Alarm decode(byte[] encoded) {
        return from(FieldMap.read(encoded, "alarm", VERSION));
    }

    static Alarm from(FieldMap m) {
        long code = m.uint(2, "level");
        AlarmLevel level = AlarmLevel.ofCode(code);
        if (level == null) {
            throw m.invalid("level", "unknown code " + code);
        }
        return new Alarm(m.text(1, "channel"), level, m.number(3, "value"), m.bool(4, "raised"));
    }
}
