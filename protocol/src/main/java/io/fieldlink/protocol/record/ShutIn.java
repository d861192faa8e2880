package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * A wellhead safety shut-in (API RP 14C): latched by the board on a pressure-high (PSH) or
 * pressure-low (PSL) trip, reset only by an authorised technician.
 *
 * <pre>{0: version 1, 1: cause (uint: 1 PSH, 2 PSL), 2: value (number, the tripping pressure in kPa),
 *  3: state (uint: 1 latched, 2 reset), 4: by (text, who reset it; only when reset)}</pre>
 */
public final class ShutIn extends CborRecord {
    public static final long VERSION = 1;
    public static final int CAUSE_PSH = 1;
    public static final int CAUSE_PSL = 2;
    public static final int STATE_LATCHED = 1;
    public static final int STATE_RESET = 2;

    private final int cause;
    private final double valueKpa;
    private final int state;
    private final String by;

    /** A latch: the valve closed on {@code cause} at {@code valueKpa}. */
    public static ShutIn latched(int cause, double valueKpa) {
        return new ShutIn(cause, valueKpa, STATE_LATCHED, null);
    }

    /** A reset by technician {@code by}. */
    public static ShutIn reset(int cause, double valueKpa, String by) {
        return new ShutIn(cause, valueKpa, STATE_RESET, Check.text(by, "shutIn.by"));
    }

    private ShutIn(int cause, double valueKpa, int state, String by) {
        if (cause != CAUSE_PSH && cause != CAUSE_PSL) {
            throw new RecordException("shutIn.cause: unknown code " + cause);
        }
        this.cause = cause;
        this.valueKpa = valueKpa;
        this.state = state;
        this.by = by;
    }

    /** {@link #CAUSE_PSH} or {@link #CAUSE_PSL}. */
    public int cause() {
        return cause;
    }

    public double valueKpa() {
        return valueKpa;
    }

    public boolean isLatched() {
        return state == STATE_LATCHED;
    }

    /** Who reset the shut-in, or null while latched. */
    public String by() {
        return by;
    }

    @Override
    public String recordName() {
        return "shutIn";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(by == null ? 4 : 5).writeInt(0).writeInt(VERSION).writeInt(1).writeInt(cause).writeInt(2);
        Numbers.write(w, valueKpa);
        w.writeInt(3).writeInt(state);
        if (by != null) {
            w.writeInt(4).writeText(by);
        }
    }

    public static ShutIn decode(byte[] encoded) {
        return from(FieldMap.read(encoded, "shutIn", VERSION));
    }

    static ShutIn from(FieldMap m) {
        long cause = m.uint(1, "cause");
        if (cause != CAUSE_PSH && cause != CAUSE_PSL) {
            throw m.invalid("cause", "unknown code " + cause);
        }
        double value = m.number(2, "value");
        long state = m.uint(3, "state");
        if (state == STATE_LATCHED) {
            if (m.has(4)) {
                throw m.invalid("by", "only a reset names who did it");
            }
            return latched((int) cause, value);
        }
        if (state != STATE_RESET) {
            throw m.invalid("state", "unknown code " + state);
        }
        return reset((int) cause, value, m.text(4, "by"));
    }
}
