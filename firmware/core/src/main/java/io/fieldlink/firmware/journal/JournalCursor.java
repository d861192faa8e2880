package io.fieldlink.firmware.journal;

import io.fieldlink.firmware.hal.StorageArea;

/**
 * Walks a journal's unacknowledged records, oldest first, reading them from storage and checking
 * each CRC. Reusable: {@link #rewind()} starts over without allocating. A cursor is invalidated by
 * {@link Journal#acknowledge} (rewind it). Event-loop thread only.
 */
public final class JournalCursor {
    private final Journal journal;
    private final StorageArea area;
    private final int size;
    /** A record's header, then the chunks its CRC is computed over (one small buffer per cursor). */
    private final byte[] h = new byte[32];
    private int pos;
    private long expected;
    private int recordAt;
    private int length;
    private int type;
    private long seq;
    private long time;

    JournalCursor(Journal journal) {
        this.journal = journal;
        this.area = journal.area();
        this.size = area.size();
        rewind();
    }

    /** Goes back to the oldest unacknowledged record. */
    public void rewind() {
        pos = journal.headOffset();
        expected = journal.headSequence();
        seq = 0;
    }

    /**
     * Moves to the next record.
     *
     * @return false when there are no more (the cursor then stays at the end)
     */
    public boolean next() {
        long limit = journal.nextSequence();
        if (limit > 0 && expected >= limit) {
            return false;
        }
        int p = pos >= size ? 0 : pos;
        area.read(p, h, 0, 1);
        if (h[0] == Journal.WRAP && p != 0) {
            p = 0;
            area.read(0, h, 0, 1);
        }
        if (h[0] != Journal.MAGIC || p + Journal.FRAME_OVERHEAD > size) {
            return stop(p);
        }
        area.read(p, h, 0, Journal.HEADER);
        int len = (h[2] & 0xff) << 8 | (h[3] & 0xff);
        if (len > Journal.MAX_PAYLOAD || Bytes.getLong(h, 4) != expected || p + Journal.FRAME_OVERHEAD + len > size) {
            return stop(p);
        }
        int crc = Crc32.update(Crc32.start(), h, 0, Journal.HEADER);
        int recordType = h[1] & 0xff;
        long recordTime = Bytes.getLong(h, 12);
        int done = 0;
        while (done < len) { // the header is taken: its buffer now holds the payload's chunks
            int n = Math.min(h.length, len - done);
            area.read(p + Journal.HEADER + done, h, 0, n);
            crc = Crc32.update(crc, h, 0, n);
            done += n;
        }
        area.read(p + Journal.HEADER + len, h, 0, 4);
        if (Bytes.getInt(h, 0) != Crc32.finish(crc)) {
            return stop(p);
        }
        recordAt = p;
        length = len;
        type = recordType;
        seq = expected;
        time = recordTime;
        pos = p + Journal.FRAME_OVERHEAD + len;
        expected++;
        return true;
    }

    private boolean stop(int p) {
        pos = p;
        return false;
    }

    /** @return the offset just after the current record, or where the walk stopped */
    int endOffset() {
        return pos >= size ? 0 : pos;
    }

    /** @return the current record's sequence number */
    public long seq() {
        return seq;
    }

    /** @return the current record's type */
    public int type() {
        return type;
    }

    /** @return the current record's time as given to {@link Journal#append} */
    public long time() {
        return time;
    }

    /** @return the current record's payload length */
    public int payloadLength() {
        return length;
    }

    /**
     * @param dst destination with room for {@link #payloadLength()} bytes from {@code offset}
     * @param offset first byte in {@code dst}
     * @return bytes copied
     */
    public int copyPayload(byte[] dst, int offset) {
        area.read(recordAt + Journal.HEADER, dst, offset, length);
        return length;
    }
}
