package io.fieldlink.firmware.journal;

import io.fieldlink.firmware.hal.StorageArea;

/**
 * A committed state blob in two slots, for the journal's snapshot and for any other state that must
 * change atomically (settings). Two snapshot slots (A = first half of the area, B = second half). A
 * commit writes the slot that does not hold the newest valid snapshot, CRC last, so a cut leaves the
 * previous one readable. Slot layout: magic "FLSS", generation (8), log head offset (4), head
 * sequence (8), state length (4), state, CRC-32 of everything before it (4).
 *
 * <p>The state itself stays in storage, not in RAM: {@link #readState} reads it from the newest slot
 * and a commit that keeps it ({@link #commitHead}) copies it slot to slot through a small buffer. So
 * this object costs a few dozen bytes of heap whatever the slot size, and a failed write cannot leave
 * an uncommitted state behind in RAM for a later commit to pick up: every field changes only after a
 * write completed. Commits and reads allocate nothing.
 */
public final class StateSlots {
    static final int OVERHEAD = 4 + 8 + 4 + 8 + 4 + 4;
    static final int HEADER = OVERHEAD - 4;
    private static final int MAGIC = 0x464C5353;
    private static final int CHUNK = 32;

    private final StorageArea area;
    private final int slotSize;
    private final byte[] header = new byte[HEADER];
    private final byte[] chunk = new byte[CHUNK];
    private long generation;
    private int newestSlot = -1;
    private int headOffset;
    private long headSeq = 1;
    private int stateLength;

    public StateSlots(StorageArea area) {
        this.area = area;
        this.slotSize = area.size() / 2;
        if (slotSize <= OVERHEAD + 4) {
            throw new IllegalArgumentException("snapshot area " + area.name() + " too small: " + area.size() + " bytes");
        }
    }

    /** Reads both slots and keeps the newest valid one; leaves defaults when neither is valid. */
    public void recover() {
        long best = -1;
        for (int slot = 0; slot < 2; slot++) {
            int base = slot * slotSize;
            area.read(base, header, 0, HEADER);
            int len = Bytes.getInt(header, 24);
            if (Bytes.getInt(header, 0) != MAGIC || len < 0 || len > maxState()) {
                continue;
            }
            int crc = Crc32.update(Crc32.start(), header, 0, HEADER);
            crc = crcOfStored(crc, base + HEADER, len);
            area.read(base + HEADER + len, chunk, 0, 4);
            if (Crc32.finish(crc) != Bytes.getInt(chunk, 0)) {
                continue;
            }
            long gen = Bytes.getLong(header, 4);
            if (gen > best) {
                best = gen;
                newestSlot = slot;
            }
        }
        if (best >= 0) {
            area.read(newestSlot * slotSize, header, 0, HEADER);
            generation = best;
            headOffset = Bytes.getInt(header, 12);
            headSeq = Bytes.getLong(header, 16);
            stateLength = Bytes.getInt(header, 24);
        }
    }

    private int crcOfStored(int crc, int from, int len) {
        int done = 0;
        while (done < len) {
            int n = Math.min(CHUNK, len - done);
            area.read(from + done, chunk, 0, n);
            crc = Crc32.update(crc, chunk, 0, n);
            done += n;
        }
        return crc;
    }

    private int target(long newHeadSeq, int newHeadOffset, int len) {
        Bytes.putInt(header, 0, MAGIC);
        Bytes.putLong(header, 4, generation + 1);
        Bytes.putInt(header, 12, newHeadOffset);
        Bytes.putLong(header, 16, newHeadSeq);
        Bytes.putInt(header, 24, len);
        return newestSlot == 0 ? 1 : 0;
    }

    /** Writes a new snapshot with a new state; on return it is committed. */
    void commit(int newHeadOffset, long newHeadSeq, byte[] state, int off, int len) {
        if (len < 0 || len > maxState()) {
            throw new IllegalArgumentException("state of " + len + " bytes exceeds the snapshot slot (" + maxState() + ")");
        }
        int slot = target(newHeadSeq, newHeadOffset, len);
        int base = slot * slotSize;
        int crc = Crc32.update(Crc32.update(Crc32.start(), header, 0, HEADER), state, off, len);
        area.write(base, header, 0, HEADER);
        area.write(base + HEADER, state, off, len);
        Bytes.putInt(chunk, 0, Crc32.finish(crc));
        area.write(base + HEADER + len, chunk, 0, 4);
        committed(slot, newHeadOffset, newHeadSeq, len);
    }

    /**
     * Writes a new snapshot with new head fields and the committed state (copied from the newest
     * slot); on return it is committed, and a cut during the call leaves the previous one.
     */
    void commitHead(int newHeadOffset, long newHeadSeq) {
        int len = stateLength;
        int from = newestSlot < 0 ? -1 : newestSlot * slotSize + HEADER;
        int slot = target(newHeadSeq, newHeadOffset, len);
        int base = slot * slotSize;
        int crc = Crc32.update(Crc32.start(), header, 0, HEADER);
        area.write(base, header, 0, HEADER);
        int done = 0;
        while (done < len) {
            int n = Math.min(CHUNK, len - done);
            area.read(from + done, chunk, 0, n);
            crc = Crc32.update(crc, chunk, 0, n);
            area.write(base + HEADER + done, chunk, 0, n);
            done += n;
        }
        Bytes.putInt(chunk, 0, Crc32.finish(crc));
        area.write(base + HEADER + len, chunk, 0, 4);
        committed(slot, newHeadOffset, newHeadSeq, len);
    }

    private void committed(int slot, int newHeadOffset, long newHeadSeq, int len) {
        generation++;
        newestSlot = slot;
        headOffset = newHeadOffset;
        headSeq = newHeadSeq;
        stateLength = len;
    }

    /**
     * Commits a new state (keeping the head fields); a cut during the call leaves the previous one.
     *
     * @param state bytes
     * @param off first byte
     * @param len length, up to {@link #maxState()}
     */
    public void commit(byte[] state, int off, int len) {
        commit(headOffset, headSeq, state, off, len);
    }

    /**
     * Reads the committed state from storage.
     *
     * @param dst destination with room for {@link #stateLength()} bytes
     * @param off first byte in dst
     * @return bytes copied
     */
    public int readState(byte[] dst, int off) {
        if (stateLength > 0) {
            area.read(newestSlot * slotSize + HEADER, dst, off, stateLength);
        }
        return stateLength;
    }

    /** @return the largest state a commit accepts */
    public int maxState() {
        return slotSize - OVERHEAD;
    }

    /** @return the committed generation (0 before the first commit) */
    public long generation() {
        return generation;
    }

    int headOffset() {
        return headOffset;
    }

    long headSeq() {
        return headSeq;
    }

    /** @return the committed state's length */
    public int stateLength() {
        return stateLength;
    }
}
