package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.hal.Storage;
import io.fieldlink.firmware.hal.StorageArea;
import io.fieldlink.firmware.hal.StorageException;
import java.util.HashMap;
import java.util.Map;

/**
 * Storage kept in memory, surviving simulated reboots (keep the object, build a new board on it).
 * {@link #cutPowerAfter(long)} arms a power cut: after that many more bytes have been written (across
 * all areas), the write in progress stops and throws {@link PowerLossException}; every later write
 * fails the same way until {@link #restorePower()}.
 *
 * <p>Sparse: an area is a table of {@value #PAGE}-byte pages, and a page gets its bytes only when
 * something other than zeros is first written into it (a never-written page reads as zeros, as an
 * erased one), so a fleet of simulated boards holds only the flash its boards have used.
 */
public final class MemoryStorage implements Storage {
    private final Map<String, Area> areas = new HashMap<String, Area>();
    private long bytesUntilCut = -1;
    private boolean powered = true;
    private long bytesWritten;

    /** Bytes per page of an area's table. */
    public static final int PAGE = 256;

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
        byte[] copy = new byte[a.size];
        a.read(0, copy, 0, copy.length);
        return copy;
    }

    /**
     * Forgets the pages lying wholly inside {@code [offset, offset + length)} of an area: they read
     * as erased (zeros) again and hold no memory. For a simulator that knows those bytes are dead
     * (e.g. a journal's acknowledged records, which nothing reads again); a board never calls this.
     *
     * @param name area name
     * @param offset first byte
     * @param length bytes
     * @return pages forgotten
     */
    public int discard(String name, int offset, int length) {
        Area a = (Area) area(name);
        a.check(offset, length);
        int first = (offset + PAGE - 1) / PAGE;
        int end = offset + length;
        int last = end == a.size ? (end + PAGE - 1) / PAGE : end / PAGE; // exclusive; a short last page counts whole
        int n = 0;
        for (int p = first; p < last; p++) {
            if (a.pages[p] != null) {
                a.pages[p] = null;
                a.allocatedPages--;
                n++;
            }
        }
        return n;
    }

    /** @return bytes of pages allocated so far, over all areas (pages never written hold none) */
    public long allocatedBytes() {
        long n = 0;
        for (Area a : areas.values()) {
            n += (long) a.allocatedPages * PAGE;
        }
        return n;
    }

    private final class Area implements StorageArea {
        private final String name;
        private final int size;
        private final byte[][] pages;
        private int allocatedPages;

        Area(String name, int size) {
            this.name = name;
            this.size = size;
            this.pages = new byte[(size + PAGE - 1) / PAGE][];
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void read(int offset, byte[] dst, int dstOffset, int length) {
            check(offset, length);
            int done = 0;
            while (done < length) {
                int at = offset + done;
                int in = at % PAGE;
                int n = Math.min(length - done, PAGE - in);
                byte[] page = pages[at / PAGE];
                if (page == null) {
                    for (int i = 0; i < n; i++) {
                        dst[dstOffset + done + i] = 0;
                    }
                } else {
                    System.arraycopy(page, in, dst, dstOffset + done, n);
                }
                done += n;
            }
        }

        @Override
        public void write(int offset, byte[] src, int srcOffset, int length) {
            check(offset, length);
            if (!powered && length > 0) {
                throw new PowerLossException("power lost writing " + name + " at offset " + offset);
            }
            // exactly as byte by byte: with a cut armed, that many bytes get written, then the power fails
            int allowed = bytesUntilCut < 0 || bytesUntilCut >= length ? length : (int) bytesUntilCut;
            copyIn(offset, src, srcOffset, allowed);
            bytesWritten += allowed;
            if (bytesUntilCut > 0) {
                bytesUntilCut -= allowed;
            }
            if (allowed < length) {
                powered = false;
                throw new PowerLossException("power lost writing " + name + " at offset " + (offset + allowed));
            }
        }

        private void copyIn(int offset, byte[] src, int srcOffset, int length) {
            int done = 0;
            while (done < length) {
                int at = offset + done;
                int in = at % PAGE;
                int n = Math.min(length - done, PAGE - in);
                int p = at / PAGE;
                byte[] page = pages[p];
                if (page == null && !allZero(src, srcOffset + done, n)) {
                    page = new byte[Math.min(PAGE, size - p * PAGE)];
                    pages[p] = page;
                    allocatedPages++;
                }
                if (page != null) {
                    System.arraycopy(src, srcOffset + done, page, in, n);
                }
                done += n;
            }
        }

        private boolean allZero(byte[] b, int off, int n) {
            for (int i = 0; i < n; i++) {
                if (b[off + i] != 0) {
                    return false;
                }
            }
            return true;
        }

        private void check(int offset, int length) {
            if (offset < 0 || length < 0 || offset > size - length) {
                throw new StorageException("range " + offset + "+" + length + " outside area " + name
                        + " of " + size + " bytes");
            }
        }
    }
}
