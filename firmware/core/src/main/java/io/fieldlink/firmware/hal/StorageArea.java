package io.fieldlink.firmware.hal;

/**
 * One fixed-size area of non-volatile, byte-addressable storage (a flash partition, an FRAM range, a
 * file). Writes are NOT atomic: power may be lost after any byte, leaving the bytes before it written
 * and the rest unchanged. Atomic commit is built on top of this by the journal (CRC + A/B slots).
 * A fresh area reads as zeros. Called on the event-loop thread.
 */
public interface StorageArea {
    /** @return the area's name, e.g. {@code "journal"} */
    String name();

    /** @return the area's size in bytes */
    int size();

    /**
     * Reads bytes.
     *
     * @param offset first byte in the area
     * @param dst destination
     * @param dstOffset first byte in {@code dst}
     * @param length number of bytes
     * @throws StorageException if the range is outside the area or the device fails
     */
    void read(int offset, byte[] dst, int dstOffset, int length);

    /**
     * Writes bytes, in order from the first to the last (so a cut leaves a written prefix).
     *
     * @param offset first byte in the area
     * @param src source
     * @param srcOffset first byte in {@code src}
     * @param length number of bytes
     * @throws StorageException if the range is outside the area, the device fails or power is lost
     */
    void write(int offset, byte[] src, int srcOffset, int length);
}
