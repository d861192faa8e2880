package io.fieldlink.firmware.meter;

/**
 * A {@link MeterStore} over two {@link SlotMemory} slots: each commit writes a framed copy
 * (magic, sequence number, length, payload, CRC-32) to the slot that does NOT hold the newest valid
 * snapshot, so a write cut at any byte leaves the previous snapshot intact, and {@link #load} picks
 * the valid frame with the highest sequence number. Not thread-safe; commit is allocation-free.
 */
public final class DualSlotStore implements MeterStore {

    private static final int MAGIC = 0x464C4D31;
    private static final int HEADER = 16;
    private static final int TRAILER = 4;

    private final SlotMemory memory;
    private final byte[] frame;
    private long newestSeq = -1;
    private int newestSlot = -1;
    private boolean scanned;

    /**
     * A store over {@code memory}.
     *
     * @throws IllegalArgumentException if a slot cannot hold a frame of {@link MeterSnapshot#MAX_SIZE}
     */
    public DualSlotStore(SlotMemory memory) {
        if (memory.slotCapacity() < HEADER + MeterSnapshot.MAX_SIZE + TRAILER) {
            throw new IllegalArgumentException("slot capacity " + memory.slotCapacity() + " below "
                    + (HEADER + MeterSnapshot.MAX_SIZE + TRAILER));
        }
        this.memory = memory;
        this.frame = new byte[HEADER + MeterSnapshot.MAX_SIZE + TRAILER];
    }

    @Override
    public int load(byte[] into) {
        scan();
        if (newestSlot < 0) {
            return -1;
        }
        int len = validLength(newestSlot);
        System.arraycopy(frame, HEADER, into, 0, len);
        return len;
    }

    @Override
    public void commit(byte[] data, int len) {
        if (len < 0 || len > MeterSnapshot.MAX_SIZE) {
            throw new IllegalArgumentException("snapshot length out of range: " + len);
        }
        scan();
        long seq = newestSeq + 1;
        int slot = newestSlot == 0 ? 1 : 0;
        putInt(frame, 0, MAGIC);
        MeterSnapshot.putLong(frame, 4, seq);
        putInt(frame, 12, len);
        System.arraycopy(data, 0, frame, HEADER, len);
        putInt(frame, HEADER + len, crc32(frame, HEADER + len));
        memory.write(slot, frame, HEADER + len + TRAILER);
        newestSeq = seq;
        newestSlot = slot;
    }

    /** Sequence number of the newest committed snapshot, or -1. */
    public long newestSequence() {
        scan();
        return newestSeq;
    }

    private void scan() {
        if (scanned) {
            return;
        }
        for (int slot = 0; slot < 2; slot++) {
            if (validLength(slot) >= 0) {
                long seq = MeterSnapshot.getLong(frame, 4);
                if (seq > newestSeq) {
                    newestSeq = seq;
                    newestSlot = slot;
                }
            }
        }
        scanned = true;
    }

    /** Reads {@code slot} into the frame buffer; returns the payload length, or -1 if not a valid frame. */
    private int validLength(int slot) {
        int n = memory.read(slot, frame);
        if (n < HEADER + TRAILER || getInt(frame, 0) != MAGIC) {
            return -1;
        }
        int len = getInt(frame, 12);
        if (len < 0 || len > MeterSnapshot.MAX_SIZE || HEADER + len + TRAILER > n) {
            return -1;
        }
        return crc32(frame, HEADER + len) == getInt(frame, HEADER + len) ? len : -1;
    }

    static int crc32(byte[] b, int len) {
        int crc = 0xFFFFFFFF;
        for (int i = 0; i < len; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc >>> 1) ^ (0xEDB88320 & -(crc & 1));
            }
        }
        return ~crc;
    }

    private static void putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }

    private static int getInt(byte[] b, int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
