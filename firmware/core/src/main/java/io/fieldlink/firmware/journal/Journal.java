package io.fieldlink.firmware.journal;

import io.fieldlink.firmware.hal.StorageArea;

/**
 * The board's power-fail-safe journal: an append-only ring of records in one storage area and a
 * committed state snapshot in A/B slots of another.
 *
 * <p>Record frame: magic 0xF1, type (1), payload length (2), sequence number (8), time (8), payload,
 * CRC-32 of all before it (4). Sequence numbers start at 1 and grow by one per record, forever.
 * A record that does not fit before the end of the area is preceded by a wrap mark (0xF2) and written
 * at offset 0. Recovery reads the newest valid snapshot (which names the first unacknowledged
 * record) and follows records while each has a valid CRC and the next sequence number; a write cut by
 * power loss therefore simply is not there. Acknowledged records are dropped by committing a snapshot
 * with a new head ({@link #acknowledge}); unacknowledged ones are never overwritten: when the ring is
 * full, {@link #append} refuses.
 *
 * <p>Not thread-safe (event-loop thread). After a storage exception (e.g. power loss) discard the
 * object and {@link #open} again. {@link #append}, {@link #acknowledge} and {@link #commit} allocate
 * nothing.
 */
public final class Journal {
    /** Bytes a record takes beyond its payload. */
    public static final int FRAME_OVERHEAD = 24;
    /** Largest payload of one record. */
    public static final int MAX_PAYLOAD = 1024;

    static final int HEADER = 20;
    static final byte MAGIC = (byte) 0xF1;
    static final byte WRAP = (byte) 0xF2;

    private final StorageArea log;
    private final StateSlots slots;
    private final byte[] header = new byte[HEADER];
    private final byte[] crcBuf = new byte[4];
    private final JournalCursor scan;
    private final int size;
    private int head;
    private long headSeq;
    private int tail;
    private long nextSeq;
    private int count;

    private Journal(StorageArea log, StorageArea snapshots) {
        if (log.size() < 4 * (FRAME_OVERHEAD + 16)) {
            throw new IllegalArgumentException("journal area " + log.name() + " too small: " + log.size() + " bytes");
        }
        this.log = log;
        this.size = log.size();
        this.slots = new StateSlots(snapshots);
        this.scan = new JournalCursor(this);
    }

    /**
     * Recovers the journal from storage: the newest valid snapshot, then every intact record after
     * its head.
     *
     * @param log the record area
     * @param snapshots the snapshot area (two slots)
     * @return the recovered journal
     * @throws io.fieldlink.firmware.hal.StorageException if storage cannot be read
     */
    public static Journal open(StorageArea log, StorageArea snapshots) {
        Journal j = new Journal(log, snapshots);
        j.recover();
        return j;
    }

    private void recover() {
        slots.recover();
        head = slots.headOffset();
        headSeq = slots.headSeq();
        if (head < 0 || head >= size) {
            head = 0;
        }
        scan.rewind();
        while (scan.next()) {
            count++;
        }
        tail = scan.endOffset();
        nextSeq = headSeq + count;
    }

    /**
     * Appends one record; when it returns, the record survives power loss.
     *
     * @param type record type, 0..255, the app's own
     * @param time the time the event happened (epoch or monotonic ms, the app's choice)
     * @param payload bytes
     * @param offset first byte
     * @param length 0..{@link #MAX_PAYLOAD}
     * @return the record's sequence number, or -1 if the ring has no room (acknowledge records first)
     * @throws IllegalArgumentException for a bad type or length
     */
    public long append(int type, long time, byte[] payload, int offset, int length) {
        if (type < 0 || type > 255 || length < 0 || length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("bad record type " + type + " or length " + length);
        }
        int frame = length + FRAME_OVERHEAD;
        int at = placement(frame);
        if (at < 0) {
            return -1;
        }
        if (at == 0 && tail != 0) {
            header[0] = WRAP;
            log.write(tail, header, 0, 1);
        }
        long seq = nextSeq;
        header[0] = MAGIC;
        header[1] = (byte) type;
        header[2] = (byte) (length >>> 8);
        header[3] = (byte) length;
        Bytes.putLong(header, 4, seq);
        Bytes.putLong(header, 12, time);
        int crc = Crc32.update(Crc32.update(Crc32.start(), header, 0, HEADER), payload, offset, length);
        Bytes.putInt(crcBuf, 0, Crc32.finish(crc));
        log.write(at, header, 0, HEADER);
        log.write(at + HEADER, payload, offset, length);
        log.write(at + HEADER + length, crcBuf, 0, 4);
        tail = (at + frame) % size;
        nextSeq++;
        count++;
        return seq;
    }

    /**
     * @param payloadLength a payload length
     * @return true if a record of that length fits now
     */
    public boolean hasRoomFor(int payloadLength) {
        return payloadLength >= 0 && payloadLength <= MAX_PAYLOAD && placement(payloadLength + FRAME_OVERHEAD) >= 0;
    }

    private int placement(int frame) {
        if (tail >= head) {
            if (tail + frame < size || (tail + frame == size && head != 0)) {
                return tail;
            }
            return frame < head ? 0 : -1;
        }
        return tail + frame < head ? tail : -1;
    }

    /**
     * Drops every record up to and including {@code seq} (the host has them) and commits a snapshot
     * with the new head and the current state. Sequence numbers not yet appended are ignored.
     *
     * @param seq highest acknowledged sequence number
     * @return how many records were dropped (0 commits nothing)
     */
    public int acknowledge(long seq) {
        if (seq < headSeq) {
            return 0;
        }
        JournalCursor c = scan;
        c.rewind();
        int dropped = 0;
        int newHead = head;
        while (c.next() && c.seq() <= seq) {
            dropped++;
            newHead = c.endOffset();
        }
        if (dropped == 0) {
            return 0;
        }
        slots.commitHead(newHead, headSeq + dropped);
        head = newHead;
        headSeq += dropped;
        count -= dropped;
        return dropped;
    }

    /**
     * Commits the app's state snapshot (e.g. balance, latches, lock-outs); when it returns, the new
     * state survives power loss, and a cut during the call leaves the previous one.
     *
     * @param state bytes
     * @param offset first byte
     * @param length up to {@link #maxStateLength()}
     * @throws IllegalArgumentException if too long
     */
    public void commit(byte[] state, int offset, int length) {
        slots.commit(head, headSeq, state, offset, length);
    }

    /** @return the committed state's length in bytes (0 before the first commit) */
    public int stateLength() {
        return slots.stateLength();
    }

    /**
     * @param dst destination of at least {@link #stateLength()} bytes from {@code offset}
     * @param offset first byte in {@code dst}
     * @return the number of bytes copied
     */
    public int readState(byte[] dst, int offset) {
        return slots.readState(dst, offset);
    }

    /** @return the largest state {@link #commit} accepts */
    public int maxStateLength() {
        return slots.maxState();
    }

    /** @return how many snapshots have ever been committed (the newest one's generation) */
    public long generation() {
        return slots.generation();
    }

    /** @return sequence number of the oldest unacknowledged record (or the next one if none) */
    public long firstUnackedSeq() {
        return headSeq;
    }

    /** @return sequence number the next append gets */
    public long nextSeq() {
        return nextSeq;
    }

    /** @return unacknowledged records held */
    public int unackedCount() {
        return count;
    }

    /** @return bytes between head and tail (including any wrap gap) */
    public int usedBytes() {
        return tail >= head ? tail - head : size - head + tail;
    }

    /** @return the record area's size in bytes */
    public int capacityBytes() {
        return size;
    }

    /** @return a new cursor over the unacknowledged records, oldest first (allocates; keep it and {@link JournalCursor#rewind}) */
    public JournalCursor cursor() {
        return new JournalCursor(this);
    }

    /** @return offset of the oldest unacknowledged record in the record area (equal to {@link #tailOffset()} when none) */
    public int headOffset() {
        return head;
    }

    /**
     * @return offset where the next record (or wrap mark) goes; the bytes from here round to
     *     {@link #headOffset()} hold nothing the journal needs (acknowledged records, cut writes)
     */
    public int tailOffset() {
        return tail;
    }

    long headSequence() {
        return headSeq;
    }

    long nextSequence() {
        return nextSeq;
    }

    StorageArea area() {
        return log;
    }
}
