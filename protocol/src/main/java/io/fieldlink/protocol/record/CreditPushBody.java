package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * The payload of a signed {@link CommandType#CREDIT_PUSH}: credit for one meter.
 *
 * <pre>{0: version 1, 1: device id (text), 2: credit id (uint, per-meter counter),
 *  3: amount (uint, milli-units), 4: issued at (uint, epoch ms)}</pre>
 */
public final class CreditPushBody extends CborRecord {
    public static final long VERSION = 1;

    private final String deviceId;
    private final long creditId;
    private final long amountMilli;
    private final long issuedAtMs;

    public CreditPushBody(String deviceId, long creditId, long amountMilli, long issuedAtMs) {
        this.deviceId = Check.text(deviceId, "creditPush.deviceId");
        this.creditId = Check.unsigned(creditId, "creditPush.creditId");
        this.amountMilli = Check.unsigned(amountMilli, "creditPush.amount");
        this.issuedAtMs = Check.unsigned(issuedAtMs, "creditPush.issuedAt");
    }

    public String deviceId() {
        return deviceId;
    }

    public long creditId() {
        return creditId;
    }

    public long amountMilli() {
        return amountMilli;
    }

    public long issuedAtMs() {
        return issuedAtMs;
    }

    @Override
    public String recordName() {
        return "creditPush";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(5).writeInt(0).writeInt(VERSION).writeInt(1).writeText(deviceId).writeInt(2).writeInt(creditId)
                .writeInt(3).writeInt(amountMilli).writeInt(4).writeInt(issuedAtMs);
    }

    /** Decodes the COSE payload. */
    public static CreditPushBody decode(byte[] payload) {
        FieldMap m = FieldMap.read(payload, "creditPush", VERSION);
        return new CreditPushBody(m.text(1, "deviceId"), m.uint(2, "creditId"), m.uint(3, "amount"), m.uint(4, "issuedAt"));
    }
}
