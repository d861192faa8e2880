package io.fieldlink.host.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A range read through the write-behind overlay while the checkpoint empties it. */
class OverlaidTest {
    @Test
    void entriesMovedToTheBaseWhileTheOverlayIsCopiedAreReadFromTheBase() {
        NavigableMap<Long, String> base = new ConcurrentSkipListMap<>(Map.of(1L, "b1"));
        // the checkpoint moves key 3 to the base and drops it from the overlay while the reader copies it
        NavigableMap<Long, Supplier<String>> overlay = new java.util.TreeMap<>(Map.of(2L, held("o2"), 3L, held("o3"),
                4L, held("o4"), 5L, held(null))) {
            @Override
            public NavigableMap<Long, Supplier<String>> subMap(Long lo, boolean loIn, Long hi, boolean hiIn) {
                base.put(3L, "o3");
                remove(3L);
                return new java.util.TreeMap<>(super.subMap(lo, loIn, hi, hiIn)) {
                    @Override
                    public int size() {
                        return 4; // what a sorted copy reads before the removal
                    }
                };
            }
        };

        List<String> read = new ArrayList<>();
        for (Iterator<Map.Entry<Long, String>> it = Overlaid.range(overlay, base, 0, 10); it.hasNext();) {
            read.add(it.next().getValue());
        }

        assertThat(read).as("a holder without a value yet is not an entry").containsExactly("b1", "o2", "o3", "o4");
    }

    private static Supplier<String> held(String value) {
        return () -> value;
    }
}
