package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.hal.Storage;
import io.fieldlink.firmware.hal.StorageArea;
import io.fieldlink.firmware.hal.StorageException;
import java.util.HashMap;
import java.util.Map;

/**
 * Storage kept in byte arrays, surviving simulated reboots (keep the object, build a new board on it).
 * {@link #cutPowerAfter(long)} arms a power cut: after that many more bytes have been written (across
 * all areas), the write in progress stops and throws {@link PowerLossException}; every later write
 * fails the same way until {@link #restorePower()}.
 */
public final class MemoryStorage implements Storage {
    private final Map<String, Area> areas = new HashMap<String, Area>();
    private long bytesUntilCut = -1;
    private boolean powered = true;
    private long bytesWritten;

    /**
     * Adds an area filled with zeros.
     *
     * @param name area name
     * @param size bytes
     * @return this
     * @throws IllegalArgumentException if the name is taken or the size not positive
     */
    public MemoryStorage addArea(String name, int size) {
        if (size <= 0 || areas.containsKey(name)) {
            throw new IllegalArgumentException("bad or duplicate area " + name + " of " + size + " bytes");
        }
        areas.put(name, new Area(name, size));
        return this;
    }

    @Override
    public StorageArea area(String name) {
        Area a = areas.get(name);
        if (a == null) {
            throw new StorageException("no storage area named " + name);
        }
        return a;
    }

    /** @param bytes bytes that still get written before the power fails; 0 cuts at the next byte */
    public void cutPowerAfter(long bytes) {
        bytesUntilCut = bytes;
    }

    /** Powers the storage again (a reboot) and disarms any pending cut. */
    public void restorePower() {
        powered = true;
        bytesUntilCut = -1;
    }

    /** @return false after a cut until {@link #restorePower()} */
    public boolean powered() {
        return powered;
    }

    /** @return bytes written since this storage was created (for locating cut points in tests) */
    public long bytesWritten() {
        return bytesWritten;
    }

    /**
     * @param name area name
     * @return a copy of the area's current contents
     */
    public byte[] snapshot(String name) {
        Area a = (Area) area(name);
        byte[] copy = new byte[a.bytes.length];
        System.arraycopy(a.bytes, 0, copy, 0, copy.length);
        return copy;
    }

    private final class Area implements StorageArea {
        private final String name;
        private final byte[] bytes;

        Area(String name, int size) {
            this.name = name;
            this.bytes = new byte[size];
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int size() {
            return bytes.length;
        }

        @Override
        public void read(int offset, byte[] dst, int dstOffset, int length) {
            check(offset, length);
            System.arraycopy(bytes, offset, dst, dstOffset, length);
        }

        @Override
        public void write(int offset, byte[] src, int srcOffset, int length) {
            check(offset, length);
            for (int i = 0; i < length; i++) {
                if (!powered || bytesUntilCut == 0) {
                    powered = false;
                    throw new PowerLossException("power lost writing " + name + " at offset " + (offset + i));
                }
                bytes[offset + i] = src[srcOffset + i];
                bytesWritten++;
                if (bytesUntilCut > 0) {
                    bytesUntilCut--;
                }
            }
        }

        private void check(int offset, int length) {
            if (offset < 0 || length < 0 || offset > bytes.length - length) {
                throw new StorageException("range " + offset + "+" + length + " outside area " + name
                        + " of " + bytes.length + " bytes");
            }
        }
    }
}
