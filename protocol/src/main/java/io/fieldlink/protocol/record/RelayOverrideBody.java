package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * The payload of a signed {@link CommandType#RELAY_OVERRIDE}.
 *
 * <pre>{0: version 1, 1: device id (text), 2: state (uint: 0 automatic, 1 force disconnect,
 *  2 force connect), 3: until (uint, epoch ms; 0 = until the next override)}</pre>
 */
public final class RelayOverrideBody extends CborRecord {
    public static final long VERSION = 1;
    public static final int AUTOMATIC = 0;
    public static final int FORCE_DISCONNECT = 1;
    public static final int FORCE_CONNECT = 2;

    private final String deviceId;
    private final int state;
    private final long untilMs;

    public RelayOverrideBody(String deviceId, int state, long untilMs) {
        if (state < AUTOMATIC || state > FORCE_CONNECT) {
            throw new RecordException("relayOverride.state: unknown code " + state);
        }
        this.deviceId = Check.text(deviceId, "relayOverride.deviceId");
        this.state = state;
        this.untilMs = Check.unsigned(untilMs, "relayOverride.until");
    }

    public String deviceId() {
        return deviceId;
    }

    public int state() {
        return state;
    }

    public long untilMs() {
        return untilMs;
    }

    @Override
    public String recordName() {
        return "relayOverride";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(4).writeInt(0).writeInt(VERSION).writeInt(1).writeText(deviceId).writeInt(2).writeInt(state)
                .writeInt(3).writeInt(untilMs);
    }

    public static RelayOverrideBody decode(byte[] payload) {
        FieldMap m = FieldMap.read(payload, "relayOverride", VERSION);
        long state = m.uint(2, "state");
        if (state > FORCE_CONNECT) {
            throw m.invalid("state", "unknown code " + state);
        }
        return new RelayOverrideBody(m.text(1, "deviceId"), (int) state, m.uint(3, "until"));
    }
}
