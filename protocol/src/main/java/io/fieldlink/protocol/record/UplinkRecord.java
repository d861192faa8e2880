package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborType;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.senml.SenmlCbor;
import io.fieldlink.protocol.senml.SenmlException;
import io.fieldlink.protocol.senml.SenmlPack;

/**
 * One journaled record a device sends up: its sequence number, when it happened, and either a SenML
 * pack of telemetry or an event. The device keeps it until the host acknowledges {@code seq}; the
 * host stores each (device, seq) once; the occurrence time survives backfill.
 *
 * <pre>{0: version 1, 1: seq (uint64), 2: occurred at (uint, epoch ms),
 *  3: kind (uint: 1 telemetry, 2 sale, 3 token redemption, 4 alarm, 5 shut-in, 6 command result),
 *  4: body (telemetry: a SenML CBOR array; events: the event's map)}</pre>
 */
public final class UplinkRecord extends CborRecord {
    public static final long VERSION = 1;
    public static final int TELEMETRY = 1;
    public static final int SALE = 2;
    public static final int TOKEN_REDEMPTION = 3;
    public static final int ALARM = 4;
    public static final int SHUT_IN = 5;
    public static final int COMMAND_RESULT = 6;

    private final long seq;
    private final long occurredAtMs;
    private final int kind;
    private final byte[] telemetry;
    private final CborRecord event;
    /** The pack decoded when this record was read, handed to the first {@link #telemetry()} call; then null. */
    private SenmlPack decoded;

    private UplinkRecord(long seq, long occurredAtMs, int kind, byte[] telemetry, CborRecord event) {
        this.seq = seq;
        this.occurredAtMs = Check.unsigned(occurredAtMs, "uplinkRecord.occurredAt");
        this.kind = kind;
        this.telemetry = telemetry;
        this.event = event;
    }

    /** Telemetry; the pack is encoded now (later changes to it are not seen). */
    public static UplinkRecord telemetry(long seq, long occurredAtMs, SenmlPack pack) {
        return new UplinkRecord(seq, occurredAtMs, TELEMETRY, SenmlCbor.encode(pack), null);
    }

    /** An event: a {@link Sale}, {@link TokenRedemption}, {@link Alarm}, {@link ShutIn} or {@link CommandResult}. */
    public static UplinkRecord event(long seq, long occurredAtMs, CborRecord event) {
        return new UplinkRecord(seq, occurredAtMs, kindOf(event), null, event);
    }

    private static int kindOf(CborRecord event) {
        if (event instanceof Sale) {
            return SALE;
        }
        if (event instanceof TokenRedemption) {
            return TOKEN_REDEMPTION;
        }
        if (event instanceof Alarm) {
            return ALARM;
        }
        if (event instanceof ShutIn) {
            return SHUT_IN;
        }
        if (event instanceof CommandResult) {
            return COMMAND_RESULT;
        }
        throw new RecordException("uplinkRecord.body: not an uplink event: " + event.recordName());
    }

    /** The device's sequence number, unsigned 64-bit bits. */
    public long seq() {
        return seq;
    }

    /** When it happened on the device, epoch ms (not when it was sent). */
    public long occurredAtMs() {
        return occurredAtMs;
    }

    /** {@link #TELEMETRY}, {@link #SALE}, {@link #TOKEN_REDEMPTION}, {@link #ALARM}, {@link #SHUT_IN} or {@link #COMMAND_RESULT}. */
    public int kind() {
        return kind;
    }

    /**
     * The telemetry pack, the caller's own: a record read by {@link UplinkBatch#decode} hands the
     * pack it decoded to check the record to the first call (so a batch's packs are decoded once);
     * any other call decodes afresh.
     *
     * @throws IllegalStateException if this is an event
     */
    public SenmlPack telemetry() {
        if (telemetry == null) {
            throw new IllegalStateException("uplink record " + seq + " is an event, kind " + kind);
        }
        SenmlPack pack = takeDecoded();
        return pack != null ? pack : SenmlCbor.decode(telemetry);
    }

    private synchronized SenmlPack takeDecoded() {
        SenmlPack pack = decoded;
        decoded = null;
        return pack;
    }

    /**
     * The event; cast by {@link #kind()}.
     *
     * @throws IllegalStateException if this is telemetry
     */
    public CborRecord event() {
        if (event == null) {
            throw new IllegalStateException("uplink record " + seq + " is telemetry");
        }
        return event;
    }

    @Override
    public String recordName() {
        return "uplinkRecord";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(5).writeInt(0).writeInt(VERSION).writeInt(1).writeUnsigned(seq)
                .writeInt(2).writeInt(occurredAtMs).writeInt(3).writeInt(kind).writeInt(4);
        if (telemetry != null) {
            w.writeRaw(telemetry, 0, telemetry.length);
        } else {
            event.encode(w);
        }
    }

    static UplinkRecord from(FieldMap m) {
        long seq = m.uint64(1, "seq");
        long at = m.uint(2, "occurredAt");
        long kind = m.uint(3, "kind");
        if (kind == TELEMETRY) {
            byte[] pack = m.raw(4, "body", CborType.ARRAY, "SenML array");
            SenmlPack decoded;
            try {
                decoded = SenmlCbor.decode(pack);
            } catch (SenmlException e) {
                throw new RecordException(m.path() + ".body: " + e.getMessage(), e);
            }
            UplinkRecord r = new UplinkRecord(seq, at, TELEMETRY, pack, null);
            r.decoded = decoded;
            return r;
        }
        byte[] body = m.raw(4, "body", CborType.MAP, "map");
        CborRecord event = eventFrom(kind, body, m.path());
        if (event == null) {
            throw m.invalid("kind", "unknown code " + kind);
        }
        return new UplinkRecord(seq, at, (int) kind, null, event);
    }

    /**
     * The event of {@code kind} (as its low 32 bits, as this decoder always read it) in {@code body}
     * (its map, an array of its own), or null for a kind that is no event; errors name {@code path}.
     */
    static CborRecord eventFrom(long kind, byte[] body, String path) {
        switch ((int) kind) {
            case SALE:
                return Sale.from(FieldMap.read(body, path + ".sale", Sale.VERSION));
            case TOKEN_REDEMPTION:
                return TokenRedemption.from(FieldMap.read(body, path + ".tokenRedemption", TokenRedemption.VERSION));
            case ALARM:
                return Alarm.from(FieldMap.read(body, path + ".alarm", Alarm.VERSION));
            case SHUT_IN:
                return ShutIn.from(FieldMap.read(body, path + ".shutIn", ShutIn.VERSION));
            case COMMAND_RESULT:
                return CommandResult.from(FieldMap.read(body, path + ".commandResult", CommandResult.VERSION));
            default:
                return null;
        }
    }
}
