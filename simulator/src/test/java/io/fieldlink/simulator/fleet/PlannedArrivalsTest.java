package io.fieldlink.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlannedArrivalsTest {
    private record Planned(long at, long grams, boolean booked, boolean noShow, String token, long id, long slot) {
    }

    @Test
    void arrivalsComeOutInTheOrderTheyWerePlannedWithEverythingKept() {
        PlannedArrivals q = new PlannedArrivals();
        Deque<Planned> expected = new ArrayDeque<>();
        Random r = new Random(7);
        long t = 1_790_000_000_000L;
        for (int round = 0; round < 2_000; round++) {
            int adds = r.nextInt(30);
            for (int i = 0; i < adds; i++) {
                t += r.nextInt(600_000);
                boolean booked = r.nextBoolean();
                Planned p = new Planned(t, 6_000 + r.nextInt(9_000), booked, booked && r.nextInt(5) == 0,
                        booked && r.nextBoolean() ? "tok" + round + "-" + i : null, booked ? r.nextLong() : -1,
                        booked ? t / 1000 - 1800 - r.nextInt(5) : 0);
                q.add(p.at, p.grams, p.booked, p.noShow, p.token, p.id, p.slot);
                expected.addLast(p);
            }
            int takes = r.nextInt(30);
            for (int i = 0; i < takes && !expected.isEmpty(); i++) {
                Planned p = expected.pollFirst();
                assertThat(q.firstArrivalMillis()).isEqualTo(p.at);
                assertThat(q.firstWantsGrams()).isEqualTo(p.grams);
                assertThat(q.firstBooked()).isEqualTo(p.booked);
                assertThat(q.firstNoShow()).isEqualTo(p.noShow);
                assertThat(q.firstHostToken()).isEqualTo(p.token);
                assertThat(q.firstBookingId()).isEqualTo(p.id);
                assertThat(q.firstSlotStart()).isEqualTo(p.slot);
                q.removeFirst();
            }
            assertThat(q.size()).isEqualTo(expected.size());
            assertThat(q.isEmpty()).isEqualTo(expected.isEmpty());
        }
    }

    @Test
    void anEmptyQueueHasNothingToRemoveAndGramsMustFit() {
        PlannedArrivals q = new PlannedArrivals();
        assertThatThrownBy(q::removeFirst).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> q.add(0, -1, false, false, null, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        q.add(5, 0, false, false, null, -1, 0);
        q.removeFirst();
        assertThat(q.isEmpty()).isTrue();
    }
}
