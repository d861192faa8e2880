package io.fieldlink.host.store;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A key range read through an in-memory overlay of a sorted map: the entries of both in key order,
 * the overlay's value where both hold a key (the overlay holds each value in a holder the writer
 * replaces it in). The overlay's range is copied first (it is emptied once
 * the base holds it, so reading it first never misses an entry); the base is read lazily.
 */
final class Overlaid {
    private Overlaid() {
    }

    /**
     * @param overlay holds each key's current value in a holder (read once here)
     * @return the entries with {@code lo <= key <= hi} of {@code overlay} over {@code base}, ascending
     */
    static <V> Iterator<Map.Entry<Long, V>> range(NavigableMap<Long, ? extends Supplier<V>> overlay,
            NavigableMap<Long, V> base, long lo, long hi) {
        // copied entry by entry: the checkpoint empties the overlay concurrently, and TreeMap's copy of a
        // sorted map trusts the size it read first (an entry removed meanwhile threw NoSuchElementException)
        NavigableMap<Long, V> top = new TreeMap<>();
        for (Map.Entry<Long, ? extends Supplier<V>> e : overlay.subMap(lo, true, hi, true).entrySet()) {
            V v = e.getValue().get();
            if (v != null) {
                top.put(e.getKey(), v);
            }
        }
        Iterator<Map.Entry<Long, V>> below = base.subMap(lo, true, hi, true).entrySet().iterator();
        if (top.isEmpty()) {
            return below;
        }
        return new Merge<>(top.entrySet().iterator(), below);
    }

    private static final class Merge<V> implements Iterator<Map.Entry<Long, V>> {
        private final Iterator<Map.Entry<Long, V>> top;
        private final Iterator<Map.Entry<Long, V>> below;
        private Map.Entry<Long, V> nextTop;
        private Map.Entry<Long, V> nextBelow;

        Merge(Iterator<Map.Entry<Long, V>> top, Iterator<Map.Entry<Long, V>> below) {
            this.top = top;
            this.below = below;
            nextTop = top.hasNext() ? top.next() : null;
            nextBelow = below.hasNext() ? below.next() : null;
        }

        @Override
        public boolean hasNext() {
            return nextTop != null || nextBelow != null;
        }

        @Override
        public Map.Entry<Long, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<Long, V> out;
            if (nextBelow == null || (nextTop != null && nextTop.getKey() <= nextBelow.getKey())) {
                out = nextTop;
                if (nextBelow != null && nextBelow.getKey().equals(nextTop.getKey())) {
                    nextBelow = below.hasNext() ? below.next() : null;
                }
                nextTop = top.hasNext() ? top.next() : null;
            } else {
                out = nextBelow;
                nextBelow = below.hasNext() ? below.next() : null;
            }
            return out;
        }
    }
}
