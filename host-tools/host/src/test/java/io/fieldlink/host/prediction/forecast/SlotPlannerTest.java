package io.fieldlink.host.prediction.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotPlannerTest {
    @Test
    void offersSlotsForTheUpperBoundCappedByThePumps() {
        Forecast f = new Forecast(new double[] {20_000, 100_000}, new double[] {10_000, 80_000},
                new double[] {30_000, 400_000}, 0.8);
        List<SlotPlanner.SlotSuggestion> s = new SlotPlanner(10_000, 2, 6).plan(0, f);
        assertThat(s.get(0).slots()).isEqualTo(3);
        assertThat(s.get(0).overCapacity()).isFalse();
        assertThat(s.get(1).slots()).isEqualTo(12);
        assertThat(s.get(1).overCapacity()).isTrue();
        assertThat(s.get(1).hourStart()).isEqualTo(3_600_000L);
    }
}
