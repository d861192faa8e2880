package io.fieldlink.firmware.meter;

import java.util.Arrays;

/** Two RAM slots that can cut a write after N bytes (then throw {@link PowerCut}), like power loss mid-write. */
final class InMemorySlotMemory implements SlotMemory {

    /** Thrown when a write is cut; the meter that saw it is dead and must be rebooted. */
    static final class PowerCut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PowerCut() {
            super("power cut");
        }
    }

    private final byte[][] slots;
    private final int[] lengths = new int[2];
    private int cutAfterBytes = -1;
    int writes;

    InMemorySlotMemory(int capacity) {
        slots = new byte[][] {new byte[capacity], new byte[capacity]};
    }

    /** The next write stops after {@code n} bytes and throws. */
    void cutNextWriteAfter(int n) {
        cutAfterBytes = n;
    }

    @Override
    public int slotCapacity() {
        return slots[0].length;
    }

    @Override
    public void write(int slot, byte[] data, int len) {
        writes++;
        if (cutAfterBytes >= 0) {
            int n = Math.min(cutAfterBytes, len);
            cutAfterBytes = -1;
            System.arraycopy(data, 0, slots[slot], 0, n);
            lengths[slot] = Math.max(lengths[slot], n);
            throw new PowerCut();
        }
        System.arraycopy(data, 0, slots[slot], 0, len);
        lengths[slot] = len;
    }

    @Override
    public int read(int slot, byte[] into) {
        int n = Math.min(lengths[slot], into.length);
        System.arraycopy(slots[slot], 0, into, 0, n);
        return n;
    }

    byte[] slot(int i) {
        return Arrays.copyOf(slots[i], lengths[i]);
    }
}
