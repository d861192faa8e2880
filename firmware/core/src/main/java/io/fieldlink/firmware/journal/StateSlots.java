package io.fieldlink.firmware.journal;

import io.fieldlink.firmware.hal.StorageArea;

/**
 * A committed state blob in two slots, for the journal's snapshot and for any other state that must
 * change atomically (settings). Two snapshot slots (A = first half of the area, B = second half). A commit writes the slot that
 * does not hold the newest valid snapshot, CRC last, so a cut leaves the previous one readable, and
 * the RAM copy goes back to the committed state.
 * Slot layout: magic "FLSS", generation (8), log head offset (4), head sequence (8), state length
 * (4), state, CRC-32 of everything before it (4).
 */
public final class StateSlots {
    static final int OVERHEAD = 4 + 8 + 4 + 8 + 4 + 4;
    private static final int MAGIC = 0x464C5353;

    private final StorageArea area;
    private final int slotSize;
    private final byte[] buf;
    private long generation;
    private int newestSlot = -1;
    private int headOffset;
    private long headSeq = 1;
    private int stateLength;
    private boolean lost;

    public StateSlots(StorageArea area) {
        this.area = area;
        this.slotSize = area.size() / 2;
        if (slotSize <= OVERHEAD + 4) {
            throw new IllegalArgumentException("snapshot area " + area.name() + " too small: " + area.size() + " bytes");
        }
        this.buf = new byte[slotSize];
    }

    /** Reads both slots and keeps the newest valid one; leaves defaults when neither is valid. */
    public void recover() {
        long best = -1;
        for (int slot = 0; slot < 2; slot++) {
            area.read(slot * slotSize, buf, 0, slotSize);
            int len = Bytes.getInt(buf, 24);
            if (Bytes.getInt(buf, 0) != MAGIC || len < 0 || len > slotSize - OVERHEAD) {
                continue;
            }
            int end = OVERHEAD - 4 + len;
            if (Crc32.of(buf, 0, end) != Bytes.getInt(buf, end)) {
                continue;
            }
            long gen = Bytes.getLong(buf, 4);
            if (gen > best) {
                best = gen;
                newestSlot = slot;
            }
        }
        if (best >= 0) {
            area.read(newestSlot * slotSize, buf, 0, slotSize);
            generation = best;
            headOffset = Bytes.getInt(buf, 12);
            headSeq = Bytes.getLong(buf, 16);
            stateLength = Bytes.getInt(buf, 24);
        }
    }

    /** Writes a new snapshot; on return it is committed. Leaves {@code buf} holding it. */
    void commit(int newHeadOffset, long newHeadSeq, byte[] state, int off, int len) {
        if (len < 0 || len > maxState()) {
            throw new IllegalArgumentException("state of " + len + " bytes exceeds the snapshot slot (" + maxState() + ")");
        }
        requireIntact();
        int target = newestSlot == 0 ? 1 : 0;
        Bytes.putInt(buf, 0, MAGIC);
        Bytes.putLong(buf, 4, generation + 1);
        Bytes.putInt(buf, 12, newHeadOffset);
        Bytes.putLong(buf, 16, newHeadSeq);
        Bytes.putInt(buf, 24, len);
        if (state != buf) {
            System.arraycopy(state, off, buf, OVERHEAD - 4, len);
        }
        int end = OVERHEAD - 4 + len;
        Bytes.putInt(buf, end, Crc32.of(buf, 0, end));
        try {
            area.write(target * slotSize, buf, 0, end + 4);
        } catch (RuntimeException e) {
            restoreNewest();
            throw e;
        }
        generation++;
        newestSlot = target;
        headOffset = newHeadOffset;
        headSeq = newHeadSeq;
        stateLength = len;
    }

    /**
     * After a failed write the buffer holds a state that was never committed: read the committed one
     * back, so that {@link #readState} and the next commit of the journal's head (which re-commits the
     * buffer's state) never pass on the uncommitted state. If storage cannot even be read, the
     * buffer is marked lost and every later use fails until the journal is opened again.
     */
    private void restoreNewest() {
        try {
            if (newestSlot >= 0) {
                area.read(newestSlot * slotSize, buf, 0, slotSize);
            }
        } catch (RuntimeException e) {
            lost = true;
        }
    }

    private void requireIntact() {
        if (lost) {
            throw new IllegalStateException("snapshot area " + area.name()
                    + ": committed state lost from RAM after a failed write; open the journal again");
        }
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
     * @param dst destination with room for {@link #stateLength()} bytes
     * @param off first byte in dst
     * @return bytes copied
     */
    public int readState(byte[] dst, int off) {
        requireIntact();
        System.arraycopy(buf, STATE_AT, dst, off, stateLength);
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

    /** @return the buffer holding the committed state at offset {@link #STATE_AT} */
    byte[] buffer() {
        requireIntact();
        return buf;
    }

    static final int STATE_AT = OVERHEAD - 4;
}
