package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.hal.Storage;
import io.fieldlink.firmware.hal.StorageArea;
import io.fieldlink.firmware.hal.StorageException;

/**
 * Storage kept in memory, surviving simulated reboots (keep the object, build a new board on it).
 * {@link #cutPowerAfter(long)} arms a power cut: after that many more bytes have been written (across
 * all areas), the write in progress stops and throws {@link PowerLossException}; every later write
 * fails the same way until {@link #restorePower()}.
 *
 * <p>Sparse: an area is a set of {@value #PAGE}-byte pages, and a page gets its bytes only when
 * something other than zeros is first written into it (a never-written page reads as zeros, as an
 * erased one), so a fleet of simulated boards holds only the flash its boards have used. The page
 * index too holds only the pages in use (sorted page numbers, looked up by binary search), not a
 * slot for every page of the area, and their bytes lie side by side in one array per area.
 */
public final class MemoryStorage implements Storage {
    private Area[] areas = new Area[0];
    private long bytesUntilCut = -1;
    private boolean powered = true;
    private long bytesWritten;

    /** Bytes per page of an area's table. */
    public static final int PAGE = 32;
    private static final int[] NO_NUMBERS = new int[0];
    private static final byte[] NO_BYTES = new byte[0];

    /**
     * Adds an area filled with zeros.
     *
     * @param name area name
     * @param size bytes
     * @return this
     * @throws IllegalArgumentException if the name is taken or the size not positive
     */
    public MemoryStorage addArea(String name, int size) {
        if (size <= 0 || name == null || find(name) != null) {
            throw new IllegalArgumentException("bad or duplicate area " + name + " of " + size + " bytes");
        }
        Area[] more = new Area[areas.length + 1];
        System.arraycopy(areas, 0, more, 0, areas.length);
        more[areas.length] = new Area(name, size);
        areas = more;
        return this;
    }

    @Override
    public StorageArea area(String name) {
        Area a = find(name);
        if (a == null) {
            throw new StorageException("no storage area named " + name);
        }
        return a;
    }

    private Area find(String name) {
        for (Area a : areas) {
            if (a.name.equals(name)) {
                return a;
            }
        }
        return null;
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
        return a.forget(first, last);
    }

    /** @return bytes of pages allocated so far, over all areas (pages never written hold none) */
    public long allocatedBytes() {
        long n = 0;
        for (Area a : areas) {
            n += (long) a.allocatedPages * PAGE;
        }
        return n;
    }

    private final class Area implements StorageArea {
        private final String name;
        private final int size;
        /** Numbers of the allocated pages, ascending (the first {@link #allocatedPages}). */
        private int[] pageNumbers = NO_NUMBERS;
        /** Their bytes, in the same order: page i at {@code i * PAGE} (one array, not one per page). */
        private byte[] slab = NO_BYTES;
        private int allocatedPages;

        Area(String name, int size) {
            this.name = name;
            this.size = size;
        }

        /** @return the index of page {@code p} in the tables, or -(insertion point) - 1 */
        private int indexOf(int p) {
            int lo = 0;
            int hi = allocatedPages - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int v = pageNumbers[mid];
                if (v < p) {
                    lo = mid + 1;
                } else if (v > p) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(lo + 1);
        }

        /** Adds page {@code p} (zeros); @return its index */
        private int allocate(int p) {
            int at = -(indexOf(p) + 1);
            if (allocatedPages == pageNumbers.length) {
                resize(allocatedPages + Math.max(1, allocatedPages / 4));
            }
            System.arraycopy(pageNumbers, at, pageNumbers, at + 1, allocatedPages - at);
            System.arraycopy(slab, at * PAGE, slab, (at + 1) * PAGE, (allocatedPages - at) * PAGE);
            for (int i = at * PAGE; i < (at + 1) * PAGE; i++) {
                slab[i] = 0;
            }
            pageNumbers[at] = p;
            allocatedPages++;
            return at;
        }

        private void resize(int pages) {
            int[] numbers = new int[pages];
            byte[] bytes = new byte[pages * PAGE];
            System.arraycopy(pageNumbers, 0, numbers, 0, allocatedPages);
            System.arraycopy(slab, 0, bytes, 0, allocatedPages * PAGE);
            pageNumbers = numbers;
            slab = bytes;
        }

        /** Forgets pages {@code [first, last)}; @return how many held bytes */
        private int forget(int first, int last) {
            int kept = 0;
            for (int i = 0; i < allocatedPages; i++) {
                if (pageNumbers[i] < first || pageNumbers[i] >= last) {
                    if (kept != i) {
                        pageNumbers[kept] = pageNumbers[i];
                        System.arraycopy(slab, i * PAGE, slab, kept * PAGE, PAGE);
                    }
                    kept++;
                }
            }
            int n = allocatedPages - kept;
            allocatedPages = kept;
            if (pageNumbers.length - kept > Math.max(2, kept / 2)) {
                resize(kept + Math.max(1, kept / 4));
            }
            return n;
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
                int i = indexOf(at / PAGE);
                if (i < 0) {
                    for (int k = 0; k < n; k++) {
                        dst[dstOffset + done + k] = 0;
                    }
                } else {
                    System.arraycopy(slab, i * PAGE + in, dst, dstOffset + done, n);
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
                int i = indexOf(p);
                if (i < 0 && !allZero(src, srcOffset + done, n)) {
                    i = allocate(p);
                }
                if (i >= 0) {
                    System.arraycopy(src, srcOffset + done, slab, i * PAGE + in, n);
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
