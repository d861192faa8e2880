package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * One CNG sale at a pump. Money in integer milli-units of the currency, mass in grams.
 *
 * <pre>{0: version 1, 1: token id (uint64; 0 = no booking token), 2: grams (uint),
 *  3: unit price (uint, milli-units per kg), 4: amount (uint, milli-units), 5: start (uint, epoch ms),
 *  6: end (uint, epoch ms, not before start), 7: pump (uint, pump number at the station)}</pre>
 */
public final class Sale extends CborRecord {
    public static final long VERSION = 1;

    private final long tokenId;
    private final long grams;
    private final long unitPriceMilliPerKg;
    private final long amountMilli;
    private final long startMs;
    private final long endMs;
    private final int pump;

    /** @param tokenId unsigned 64-bit bits */
    public Sale(long tokenId, long grams, long unitPriceMilliPerKg, long amountMilli, long startMs, long endMs, int pump) {
        this.tokenId = tokenId;
        this.grams = Check.unsigned(grams, "sale.grams");
        this.unitPriceMilliPerKg = Check.unsigned(unitPriceMilliPerKg, "sale.unitPrice");
        this.amountMilli = Check.unsigned(amountMilli, "sale.amount");
        this.startMs = Check.unsigned(startMs, "sale.start");
        this.endMs = Check.unsigned(endMs, "sale.end");
        this.pump = (int) Check.unsigned(pump, "sale.pump");
        if (endMs < startMs) {
            throw new RecordException("sale.end: " + endMs + " is before start " + startMs);
        }
    }

    /** Booking token id as unsigned 64-bit bits; 0 when the sale used no token. */
    public long tokenId() {
        return tokenId;
    }

    public long grams() {
        return grams;
    }

    public long unitPriceMilliPerKg() {
        return unitPriceMilliPerKg;
    }

    public long amountMilli() {
        return amountMilli;
    }

    public long startMs() {
        return startMs;
    }

    public long endMs() {
        return endMs;
    }

    public int pump() {
        return pump;
    }

    @Override
    public String recordName() {
        return "sale";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(8).writeInt(0).writeInt(VERSION).writeInt(1).writeUnsigned(tokenId)
                .writeInt(2).writeInt(grams).writeInt(3).writeInt(unitPriceMilliPerKg)
                .writeInt(4).writeInt(amountMilli).writeInt(5).writeInt(startMs).writeInt(6).writeInt(endMs)
                .writeInt(7).writeInt(pump);
    }

    public static Sale decode(byte[] encoded) {
        return from(FieldMap.read(encoded, "sale", VERSION));
    }

    static Sale from(FieldMap m) {
        long pump = m.uint(7, "pump");
        if (pump > Integer.MAX_VALUE) {
            throw m.invalid("pump", "out of range " + pump);
        }
        return new Sale(m.uint64(1, "tokenId"), m.uint(2, "grams"), m.uint(3, "unitPrice"), m.uint(4, "amount"),
                m.uint(5, "start"), m.uint(6, "end"), (int) pump);
    }
}
