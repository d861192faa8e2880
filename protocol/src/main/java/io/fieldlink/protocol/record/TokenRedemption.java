package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * A QR token entered at a device and the device's verdict on it.
 *
 * <pre>{0: version 1, 1: token id (uint64), 2: kind (uint: 1 credit, 2 booking),
 *  3: verdict reason code (uint: 0 accepted; others as the tokens package defines),
 *  4: amount (uint: milli-units for credit, grams for a booking)}</pre>
 */
public final class TokenRedemption extends CborRecord {
    public static final long VERSION = 1;
    public static final int KIND_CREDIT = 1;
    public static final int KIND_BOOKING = 2;
    public static final int ACCEPTED = 0;

    private final long tokenId;
    private final int kind;
    private final int reasonCode;
    private final long amount;

    public TokenRedemption(long tokenId, int kind, int reasonCode, long amount) {
        if (kind != KIND_CREDIT && kind != KIND_BOOKING) {
            throw new RecordException("tokenRedemption.kind: unknown code " + kind);
        }
        this.tokenId = tokenId;
        this.kind = kind;
        this.reasonCode = (int) Check.unsigned(reasonCode, "tokenRedemption.reason");
        this.amount = Check.unsigned(amount, "tokenRedemption.amount");
    }

    /** Unsigned 64-bit bits. */
    public long tokenId() {
        return tokenId;
    }

    public int kind() {
        return kind;
    }

    /** {@link #ACCEPTED} or the rejection reason. */
    public int reasonCode() {
        return reasonCode;
    }

    public boolean accepted() {
        return reasonCode == ACCEPTED;
    }

    /** Milli-units for a credit token, grams for a booking. */
    public long amount() {
        return amount;
    }

    @Override
    public String recordName() {
        return "tokenRedemption";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(5).writeInt(0).writeInt(VERSION).writeInt(1).writeUnsigned(tokenId).writeInt(2).writeInt(kind)
                .writeInt(3).writeInt(reasonCode).writeInt(4).writeInt(amount);
    }

    public static TokenRedemption decode(byte[] encoded) {
        return from(FieldMap.read(encoded, "tokenRedemption", VERSION));
    }

    static TokenRedemption from(FieldMap m) {
        long kind = m.uint(2, "kind");
        if (kind != KIND_CREDIT && kind != KIND_BOOKING) {
            throw m.invalid("kind", "unknown code " + kind);
        }
        long reason = m.uint(3, "reason");
        if (reason > Integer.MAX_VALUE) {
            throw m.invalid("reason", "out of range " + reason);
        }
        return new TokenRedemption(m.uint64(1, "tokenId"), (int) kind, (int) reason, m.uint(4, "amount"));
    }
}
