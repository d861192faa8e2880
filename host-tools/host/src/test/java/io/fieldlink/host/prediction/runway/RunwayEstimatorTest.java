package io.fieldlink.host.prediction.runway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunwayEstimatorTest {
    private final RunwayEstimator estimator = new RunwayEstimator(7, 3, 1);

    @Test
    void constantSpendGivesExactRunway() {
        Runway r = estimator.runway(10_000_000, new long[] {1_000_000, 1_000_000, 1_000_000});
        assertThat(r.dailyRateMilli()).isEqualTo(1_000_000);
        assertThat(r.hoursLeft()).isEqualTo(240);
        assertThat(r.daysLeft()).isEqualTo(10);
        assertThat(r.reminderDays()).isZero();
    }

    @Test
    void recentDaysWeighMore() {
        // weights 1,2,3: (0 + 0 + 3*3000) / 6 = 1500
        assertThat(estimator.dailyRateMilli(new long[] {0, 0, 3000})).isEqualTo(1500);
        assertThat(estimator.dailyRateMilli(new long[] {3000, 0, 0})).isEqualTo(500);
    }

    @Test
    void reminderIsSmallestThresholdReached() {
        long[] spend = {1000};
        assertThat(estimator.runway(7000, spend).reminderDays()).isEqualTo(7);
        assertThat(estimator.runway(3500, spend).reminderDays()).isEqualTo(7);
        assertThat(estimator.runway(3000, spend).reminderDays()).isEqualTo(3);
        assertThat(estimator.runway(500, spend).reminderDays()).isEqualTo(1);
        assertThat(estimator.runway(0, spend).hoursLeft()).isZero();
        assertThat(estimator.runway(8000, spend).reminderDays()).isZero();
    }

    @Test
    void noSpendIsUnlimited() {
        assertThat(estimator.runway(5000, new long[0])).isEqualTo(Runway.unlimited());
    }

    @Test
    void badInputIsRejectedWithField() {
        assertThatThrownBy(() -> estimator.dailyRateMilli(new long[] {5, -1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dailySpendMilli[1]");
        assertThatThrownBy(() -> new RunwayEstimator(0)).hasMessageContaining("reminderDays");
    }
}
