package io.fieldlink.protocol.senml;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of {@link SenmlRecord}s (RFC 8428 §4). Records removed by {@link #clear()} are kept
 * and handed out again by {@link #add()}, so refilling a pack every cycle allocates nothing once it
 * has held its largest size. Not thread-safe.
 */
public final class SenmlPack {
    private final List<SenmlRecord> records = new ArrayList<SenmlRecord>();
    private int size;

    /** Removes all records (keeping them for reuse). */
    public SenmlPack clear() {
        size = 0;
        return this;
    }

    /** Appends a cleared record and returns it for filling in. */
    public SenmlRecord add() {
        if (size == records.size()) {
            records.add(new SenmlRecord());
        }
        return records.get(size++).clear();
    }

    public int size() {
        return size;
    }

    /** @throws IndexOutOfBoundsException unless 0 &lt;= i &lt; size() */
    public SenmlRecord get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + size);
        }
        return records.get(i);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SenmlPack)) {
            return false;
        }
        SenmlPack p = (SenmlPack) o;
        if (p.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!records.get(i).equals(p.records.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = h * 31 + records.get(i).hashCode();
        }
        return h;
    }

    /** The pack as SenML JSON. */
    @Override
    public String toString() {
        return SenmlJson.encode(this);
    }
}
