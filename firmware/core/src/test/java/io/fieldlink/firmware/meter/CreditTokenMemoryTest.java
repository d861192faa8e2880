package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CreditTokenMemoryTest {

    @Test
    void refusesReplayAndAcceptsSmallOutOfOrder() {
        CreditTokenMemory m = new CreditTokenMemory();
        m.markUsed(5);
        assertThat(m.isFresh(5)).isFalse();
        assertThat(m.isFresh(3)).isTrue();
        m.markUsed(3);
        assertThat(m.isFresh(3)).isFalse();
        assertThat(m.isFresh(4)).isTrue();
        m.markUsed(10);
        assertThat(m.isFresh(5)).isFalse();
        assertThat(m.isFresh(3)).isFalse();
        assertThat(m.isFresh(4)).isTrue();
    }

    @Test
    void refusesIdsOlderThanTheWindow() {
        CreditTokenMemory m = new CreditTokenMemory();
        m.markUsed(100);
        assertThat(m.isFresh(100 - CreditTokenMemory.WINDOW)).isTrue();
        assertThat(m.isFresh(99 - CreditTokenMemory.WINDOW)).isFalse();
        assertThat(m.isFresh(-1)).isFalse();
    }

    /** Verifies against a set-based model: fresh iff never used and within the window below the highest. */
    @Test
    void agreesWithAModel() {
        CreditTokenMemory m = new CreditTokenMemory();
        Set<Long> used = new HashSet<>();
        long highest = -1;
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            long id = Math.max(0, highest + rnd.nextLong(-80, 80));
            boolean expect = !used.contains(id) && (id > highest || highest - id <= CreditTokenMemory.WINDOW);
            assertThat(m.isFresh(id)).as("id %d highest %d", id, highest).isEqualTo(expect);
            if (expect) {
                m.markUsed(id);
                used.add(id);
                highest = Math.max(highest, id);
            }
        }
    }

    @Test
    void survivesRestore() {
        CreditTokenMemory m = new CreditTokenMemory();
        m.markUsed(7);
        m.markUsed(5);
        CreditTokenMemory r = new CreditTokenMemory();
        r.restore(m.highest(), m.usedBelow());
        assertThat(r.isFresh(5)).isFalse();
        assertThat(r.isFresh(6)).isTrue();
    }
}
