package io.fieldlink.protocol.record;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborLimits;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;
import io.fieldlink.protocol.cbor.TextCache;
import io.fieldlink.protocol.senml.SenmlCbor;
import io.fieldlink.protocol.senml.SenmlPack;
import java.util.Arrays;

/**
 * Reads an {@link UplinkBatch} payload in one pass and hands each record over as it is read: the
 * batch, its records and their telemetry packs are checked while their fields are taken, each byte
 * read once (no well-formedness skip ahead of the reading, no copy of a record or its pack), a
 * telemetry pack decoded into one reused {@link SenmlPack}, and names and units seen before handed
 * out as the same {@code String}s ({@link TextCache}).
 *
 * <p>It accepts exactly what {@link UplinkBatch#decode} accepts and hands over the same records. A
 * batch it refuses is decoded once more by {@link UplinkBatch#decode}, whose {@link RecordException}
 * (naming the bad field) is thrown, so error messages are the reference decoder's; the records handed
 * over before that are void: {@link Records#restart()} is called before anything else is handed
 * over. A receiver therefore acts on the records only after {@link #read} returns.
 *
 * <p>Not thread-safe: one per thread, reused for every batch (its pack and text cache are kept).
 */
public final class UplinkBatchReader {
    /** Keys of a record map that are fields (0..31); others are skipped. */
    private static final int MAX_KEY = FieldMap.MAX_KEY;
    /** Path handed to an event's field map; a failure goes to the reference decoder, which names the record. */
    private static final String EVENT_PATH = "batch.records[]";

    private final TextCache texts = new TextCache();
    private final SenmlPack pack = new SenmlPack();

    /** What a reader hands over, record by record, in the order sent. */
    public interface Records {
        /** Forgets every record handed over so far: they are handed over again from the first. */
        void restart();

        /**
         * Record {@code index} is telemetry.
         *
         * @param pack the record's pack, the reader's own: valid only until this call returns
         */
        void telemetry(int index, long seq, long occurredAtMs, SenmlPack pack);

        /**
         * Record {@code index} is an event: a {@link Sale}, {@link TokenRedemption}, {@link Alarm},
         * {@link ShutIn} or {@link CommandResult}, by {@code kind} ({@link UplinkRecord#SALE} ...).
         */
        void event(int index, long seq, long occurredAtMs, int kind, CborRecord event);
    }

    /**
     * Hands every record of {@code payload} to {@code to}.
     *
     * @throws RecordException as {@link UplinkBatch#decode} throws it, naming the bad field
     */
    public void read(byte[] payload, Records to) {
        try {
            readOnce(payload, to);
            return;
        } catch (ProtocolException e) {
            // refused: the reference decoder says why (a malformed batch is decoded twice, a good one once)
        }
        to.restart();
        UplinkBatch batch = UplinkBatch.decode(payload);
        // reached only if this reader refused what the reference accepts: its records are the truth
        for (int i = 0; i < batch.size(); i++) {
            UplinkRecord r = batch.get(i);
            if (r.kind() == UplinkRecord.TELEMETRY) {
                to.telemetry(i, r.seq(), r.occurredAtMs(), r.telemetry());
            } else {
                to.event(i, r.seq(), r.occurredAtMs(), r.kind(), r.event());
            }
        }
    }

    /**
     * One pass; any refusal is a {@link ProtocolException} whose message does not matter (see
     * {@link #read}). Limits as the reference decoder applies them (its check of the whole payload
     * skips each value of the batch map as an item of its own): the records array is at depth 1, a
     * record's map 2, a telemetry pack 3, its records 4 (all within {@link CborLimits#DEFAULTS}'s
     * depth of 16); items skipped inside them count their own depth from there; entries of
     * indefinite containers inside the batch map count against the per-container limit.
     */
    void readOnce(byte[] payload, Records to) {
        CborReader r = new CborReader(payload, 0, payload.length, CborLimits.DEFAULTS).textCache(texts);
        if (r.peekType() != CborType.MAP) {
            throw refused();
        }
        int n = r.readMapHeader();
        int seen = 0;
        long version = 0;
        for (int i = 0; n < 0 ? !r.isBreak() : i < n; i++) {
            int key = key(r);
            if (key < 0) {
                r.skipInside(0);
                continue;
            }
            seen = mark(seen, key);
            if (key == FieldMap.VERSION_KEY) {
                version = unsigned(r);
            } else if (key == 1) {
                if (r.peekType() != CborType.ARRAY) {
                    throw refused();
                }
                readRecords(r, payload, to);
            } else {
                r.skipInside(0);
            }
        }
        if (n < 0) {
            r.readBreak();
        }
        if ((seen & 1) == 0 || version != UplinkBatch.VERSION || r.hasMore() || (seen & 2) == 0) {
            throw refused();
        }
    }

    private void readRecords(CborReader r, byte[] payload, Records to) {
        int n = r.readArrayHeader();
        for (int i = 0; n < 0 ? !r.isBreak() : i < n; i++) {
            if (n < 0) {
                r.countEntry(i + 1);
            }
            readRecord(r, payload, i, to);
        }
        if (n < 0) {
            r.readBreak();
        }
    }

    private void readRecord(CborReader r, byte[] payload, int index, Records to) {
        if (r.peekType() != CborType.MAP) {
            throw refused();
        }
        int n = r.readMapHeader();
        int seen = 0;
        long version = 0;
        long seq = 0;
        long at = 0;
        long kind = 0;
        boolean packRead = false;
        int bodyStart = -1;
        int bodyEnd = -1;
        for (int i = 0; n < 0 ? !r.isBreak() : i < n; i++) {
            if (n < 0) {
                r.countEntry(i + 1);
            }
            int key = key(r);
            if (key < 0) {
                r.skipInside(2);
                continue;
            }
            seen = mark(seen, key);
            switch (key) {
                case 0:
                    version = unsigned(r);
                    break;
                case 1:
                    seq = unsigned(r);
                    break;
                case 2:
                    at = unsigned(r);
                    break;
                case 3:
                    kind = unsigned(r);
                    break;
                case 4:
                    if ((seen & 8) != 0 && kind == UplinkRecord.TELEMETRY) {
                        // the usual order (kind before body): the pack is decoded where it lies
                        if (r.peekType() != CborType.ARRAY) {
                            throw refused();
                        }
                        SenmlCbor.decode(r, 2, pack);
                        packRead = true;
                    } else {
                        bodyStart = r.position();
                        r.skipInside(2);
                        bodyEnd = r.position();
                    }
                    break;
                default:
                    r.skipInside(2);
            }
        }
        if (n < 0) {
            r.readBreak();
        }
        if ((seen & 0x1f) != 0x1f || version != UplinkRecord.VERSION || at < 0 || kind < 0) {
            throw refused();
        }
        if (kind == UplinkRecord.TELEMETRY) {
            if (!packRead) {
                if (major(payload, bodyStart) != 4) {
                    throw refused();
                }
                SenmlCbor.decode(payload, bodyStart, bodyEnd - bodyStart, pack);
            }
            to.telemetry(index, seq, at, pack);
            return;
        }
        if (major(payload, bodyStart) != 5) {
            throw refused();
        }
        CborRecord event = UplinkRecord.eventFrom(kind, Arrays.copyOfRange(payload, bodyStart, bodyEnd), EVENT_PATH);
        if (event == null) {
            throw refused();
        }
        to.event(index, seq, at, (int) kind, event);
    }

    /** @return the next key (an unsigned integer) if it names a field (0..31), else -1 (the value is skipped) */
    private static int key(CborReader r) {
        if (r.peekType() != CborType.UNSIGNED) {
            throw refused();
        }
        long key = r.readUnsigned();
        return key < 0 || key > MAX_KEY ? -1 : (int) key;
    }

    /** @return {@code seen} with {@code key} added; refuses a repeated key */
    private static int mark(int seen, int key) {
        int bit = 1 << key;
        if ((seen & bit) != 0) {
            throw refused();
        }
        return seen | bit;
    }

    /** @return the CBOR major type of the item at {@code at} (a whole item: it was skipped) */
    private static int major(byte[] payload, int at) {
        return (payload[at] & 0xff) >>> 5;
    }

    /** @return an unsigned integer field as 64 unsigned bits */
    private static long unsigned(CborReader r) {
        if (r.peekType() != CborType.UNSIGNED) {
            throw refused();
        }
        return r.readUnsigned();
    }

    private static RecordException refused() {
        return new RecordException("batch: refused by the one-pass reader");
    }
}
