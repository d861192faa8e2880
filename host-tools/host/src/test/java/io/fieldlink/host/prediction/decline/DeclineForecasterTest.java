package io.fieldlink.host.prediction.decline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeclineForecasterTest {
    @Test
    void bandsAreOrderedAndHoldTheTruth() {
        ArpsCurve truth = new ArpsCurve(ArpsKind.HYPERBOLIC, 8_000, 0.004, 0.6, 0);
        double[][] w = DeclineFitterTest.well(truth, 42);
        DeclineForecast f = new DeclineForecaster(new DeclineFitter(0.08 / 365), 100, 7)
                .forecast(w[0], w[1], 365, 30, 200);
        assertThat(f.samples()).isGreaterThanOrEqualTo(50);
        for (int k = 0; k < f.days().length; k++) {
            assertThat(f.p90()[k]).isLessThanOrEqualTo(f.p50()[k]);
            assertThat(f.p50()[k]).isLessThanOrEqualTo(f.p10()[k]);
        }
        double trueEur = truth.eur(200);
        assertThat(f.eurP50()).isCloseTo(trueEur, org.assertj.core.api.Assertions.within(0.05 * trueEur));
        assertThat(f.eurP90()).isLessThanOrEqualTo(f.eurP50());
        assertThat(f.eurP10()).isGreaterThanOrEqualTo(f.eurP50());
    }

    @Test
    void isDeterministicForASeed() {
        double[][] w = DeclineFitterTest.well(new ArpsCurve(ArpsKind.EXPONENTIAL, 1_000, 0.002, 0, 0), 3);
        DeclineForecaster a = new DeclineForecaster(new DeclineFitter(0.08 / 365), 40, 5);
        assertThat(a.forecast(w[0], w[1], 90, 30, 10).eurP50()).isEqualTo(a.forecast(w[0], w[1], 90, 30, 10).eurP50());
    }
}
