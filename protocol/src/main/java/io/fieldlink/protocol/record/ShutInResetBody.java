package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * The payload of a signed {@link CommandType#SHUT_IN_RESET}: an authorised technician releases a
 * latched shut-in.
 *
 * <pre>{0: version 1, 1: device id (text), 2: technician (text), 3: issued at (uint, epoch ms),
 *  4: shut-in seq (uint64, the uplink seq of the latched ShutIn being reset)}</pre>
 */
public final class ShutInResetBody extends CborRecord {
    public static final long VERSION = 1;

    private final String deviceId;
    private final String technician;
    private final long issuedAtMs;
    private final long shutInSeq;

    public ShutInResetBody(String deviceId, String technician, long issuedAtMs, long shutInSeq) {
        this.deviceId = Check.text(deviceId, "shutInReset.deviceId");
        this.technician = Check.text(technician, "shutInReset.technician");
        this.issuedAtMs = Check.unsigned(issuedAtMs, "shutInReset.issuedAt");
        this.shutInSeq = shutInSeq;
    }

    public String deviceId() {
        return deviceId;
    }

    public String technician() {
        return technician;
    }

    public long issuedAtMs() {
        return issuedAtMs;
    }

    /** Unsigned 64-bit bits. */
    public long shutInSeq() {
        return shutInSeq;
    }

    @Override
    public String recordName() {
        return "shutInReset";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(5).writeInt(0).writeInt(VERSION).writeInt(1).writeText(deviceId).writeInt(2).writeText(technician)
                .writeInt(3).writeInt(issuedAtMs).writeInt(4).writeUnsigned(shutInSeq);
    }

    public static ShutInResetBody decode(byte[] payload) {
        FieldMap m = FieldMap.read(payload, "shutInReset", VERSION);
        return new ShutInResetBody(m.text(1, "deviceId"), m.text(2, "technician"), m.uint(3, "issuedAt"),
                m.uint64(4, "shutInSeq"));
    }
}
