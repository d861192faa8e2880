package io.fieldlink.firmware.meter;

/**
 * Two independent regions of non-volatile memory ("slots") for {@link DualSlotStore}. A write may
 * be cut by power loss at any byte; the other slot is never touched by it. The board binds this to
 * its HAL storage; tests use an in-memory version that can cut writes.
 */
public interface SlotMemory {

    /** Bytes each slot holds. */
    int slotCapacity();

    /**
     * Writes {@code data[0..len)} to the start of {@code slot} (0 or 1).
     *
     * @throws IllegalArgumentException if {@code len} exceeds the capacity
     */
    void write(int slot, byte[] data, int len);

    /**
     * Reads slot {@code slot} into {@code into} (at most its length).
     *
     * @return bytes read (0 for a never-written slot)
     */
    int read(int slot, byte[] into);
}
