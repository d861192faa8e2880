package io.fieldlink.firmware.uplink;

import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.journal.JournalCursor;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.memory.BufferPool;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;

/**
 * Encodes the oldest unacknowledged journal records as one {@link UplinkBatch}
 * ({@code {0: 1, 1: [uplink record...]}}) that fits a byte budget, each record with its journal
 * sequence number, its original time and, as body, its journal payload unchanged. The journal record
 * type is the {@link UplinkRecord} kind (1 telemetry, 2 sale, 3 token redemption, 4 alarm, 5 shut-in,
 * others as defined in docs/protocol.md). Its buffers are borrowed from a {@link BufferPool}: the
 * working ones during {@link #fill}, the encoded batch's until {@link #release()} (or the next fill);
 * an idle writer holds none. Allocates nothing once the pool is warm. Event-loop thread only.
 */
public final class BatchWriter {
    private final int budget;
    private final int maxRecords;
    private final BufferPool buffers;
    /** What the writers hold while no buffer is lent to them. */
    private final byte[] idle = new byte[16];
    private final CborWriter items = new CborWriter(0);
    private final CborWriter one = new CborWriter(0);
    private final CborWriter out = new CborWriter(0);
    private boolean holding;
    private int count;
    private long lastSeq;

    /**
     * @param budget the largest encoded batch, in bytes
     * @param maxRecords the most records per batch
     * @throws IllegalArgumentException if the budget cannot hold one record of the largest size
     */
    public BatchWriter(int budget, int maxRecords) {
        this(budget, maxRecords, new BufferPool());
    }

    /**
     * @param budget the largest encoded batch, in bytes
     * @param maxRecords the most records per batch
     * @param buffers where the batch's buffers are borrowed
     * @throws IllegalArgumentException if the budget cannot hold one record of the largest size
     */
    public BatchWriter(int budget, int maxRecords, BufferPool buffers) {
        if (budget < 64 || maxRecords < 1) {
            throw new IllegalArgumentException("batch budget " + budget + " bytes / " + maxRecords + " records is too small");
        }
        this.budget = budget;
        this.maxRecords = maxRecords;
        this.buffers = buffers;
        items.reset(idle);
        one.reset(idle);
        out.reset(idle);
    }

    /**
     * Encodes from the cursor's oldest record on (the cursor is rewound first). A record too large for
     * the budget on its own is sent alone anyway (the transport may then drop it; see the report).
     * The batch's buffer stays borrowed until {@link #release()} or the next fill.
     *
     * @param cursor a cursor over the journal's unacknowledged records
     * @return how many records the batch holds (0: nothing to send)
     */
    public int fill(JournalCursor cursor) {
        return fill(cursor, NONE);
    }

    private static final long[] NONE = new long[0];

    /**
     * Like {@link #fill(JournalCursor)}, skipping the records whose seq lies in one of
     * {@code skip}'s inclusive ranges (the host stored them out of order and acknowledged them).
     *
     * @param skip flattened inclusive pairs first0, last0, first1, last1 ...
     * @return how many records the batch holds (0: nothing to send)
     */
    public int fill(JournalCursor cursor, long[] skip) {
        release();
        cursor.rewind();
        count = 0;
        lastSeq = 0;
        byte[] payload = buffers.borrow(Journal.MAX_PAYLOAD);
        items.reset(buffers.borrow(budget));
        one.reset(buffers.borrow(Journal.MAX_PAYLOAD + 64));
        try {
            int room = budget - 12;
            while (count < maxRecords && cursor.next()) {
                if (covered(skip, cursor.seq())) {
                    continue;
                }
                int n = cursor.copyPayload(payload, 0);
                one.reset();
                one.writeMapHeader(5).writeInt(0).writeInt(UplinkRecord.VERSION).writeInt(1).writeUnsigned(cursor.seq())
                        .writeInt(2).writeInt(cursor.time()).writeInt(3).writeInt(cursor.type()).writeInt(4)
                        .writeRaw(payload, 0, n);
                if (count > 0 && items.size() + one.size() > room) {
                    break;
                }
                items.writeRaw(one.buffer(), 0, one.size());
                count++;
                lastSeq = cursor.seq();
            }
            out.reset(buffers.borrow(budget + 16));
            holding = true;
            if (count > 0) {
                out.writeMapHeader(2).writeInt(0).writeInt(UplinkBatch.VERSION).writeInt(1).writeArrayHeader(count)
                        .writeRaw(items.buffer(), 0, items.size());
            }
        } finally {
            buffers.giveBack(payload);
            buffers.giveBack(items.buffer());
            buffers.giveBack(one.buffer());
            items.reset(idle);
            one.reset(idle);
        }
        return count;
    }

    /** Gives the encoded batch's buffer back to the pool (nothing happens when none is held). */
    public void release() {
        if (holding) {
            holding = false;
            buffers.giveBack(out.buffer());
            out.reset(idle);
        }
    }

    private static boolean covered(long[] ranges, long seq) {
        for (int i = 0; i + 1 < ranges.length; i += 2) {
            if (seq >= ranges[i] && seq <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** @return the records in the last batch */
    public int count() {
        return count;
    }

    /** @return the sequence number of the last record in the batch */
    public long lastSeq() {
        return lastSeq;
    }

    /** @return the encoded batch (valid up to {@link #size()}, until {@link #release()}) */
    public byte[] buffer() {
        return out.buffer();
    }

    /** @return the encoded batch's length */
    public int size() {
        return out.size();
    }
}
