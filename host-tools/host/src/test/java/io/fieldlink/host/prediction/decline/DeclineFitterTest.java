package io.fieldlink.host.prediction.decline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeclineFitterTest {
    static final double TERMINAL = 0.08 / 365;

    /** Three years of daily rates from {@code truth} with 5 % multiplicative log-normal scatter. */
    static double[][] well(ArpsCurve truth, long seed) {
        Random r = new Random(seed);
        int n = 3 * 365;
        double[] t = new double[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            q[i] = truth.rate(i) * Math.exp(0.05 * r.nextGaussian());
        }
        return new double[][] {t, q};
    }

    static DeclineFit fitOf(ArpsKind kind, List<DeclineFit> fits) {
        return fits.stream().filter(f -> f.curve().kind() == kind).findFirst().orElseThrow();
    }

    static void assertRecovered(ArpsCurve truth, ArpsCurve fitted) {
        assertThat(fitted.qi()).isCloseTo(truth.qi(), within(0.05 * truth.qi()));
        assertThat(fitted.di()).isCloseTo(truth.di(), within(0.05 * truth.di()));
        assertThat(fitted.b()).isCloseTo(truth.b(), within(0.05 * Math.max(truth.b(), 0.2)));
    }

    @Test
    void recoversAHyperbolicWell() {
        for (double b : new double[] {0.3, 0.5, 0.8, 1.2}) {
            for (long seed = 1; seed <= 5; seed++) {
                ArpsCurve truth = new ArpsCurve(ArpsKind.HYPERBOLIC, 8_000, 0.004, b, 0);
                double[][] w = well(truth, seed);
                DeclineFit f = fitOf(ArpsKind.HYPERBOLIC, new DeclineFitter(TERMINAL).fitAll(w[0], w[1]));
                assertRecovered(truth, f.curve());
            }
        }
    }

    @Test
    void recoversAnExponentialWellAndPrefersIt() {
        ArpsCurve truth = new ArpsCurve(ArpsKind.EXPONENTIAL, 5_000, 0.002, 0, 0);
        double[][] w = well(truth, 7);
        List<DeclineFit> fits = new DeclineFitter(TERMINAL).fitAll(w[0], w[1]);
        assertRecovered(truth, fitOf(ArpsKind.EXPONENTIAL, fits).curve());
        assertThat(fits.get(0).curve().kind()).isIn(ArpsKind.EXPONENTIAL, ArpsKind.HYPERBOLIC, ArpsKind.MODIFIED_HYPERBOLIC);
        assertThat(fits.get(0).curve().b()).isLessThan(0.05);
    }

    @Test
    void recoversAHarmonicWell() {
        ArpsCurve truth = new ArpsCurve(ArpsKind.HARMONIC, 3_000, 0.01, 1, 0);
        double[][] w = well(truth, 8);
        List<DeclineFit> fits = new DeclineFitter(TERMINAL).fitAll(w[0], w[1]);
        assertRecovered(truth, fitOf(ArpsKind.HARMONIC, fits).curve());
        assertThat(fits.get(0).curve().b()).isCloseTo(1.0, within(0.05));
    }

    /** Verifies that a well that reaches its terminal decline inside the data is fitted as modified hyperbolic. */
    @Test
    void recoversAModifiedHyperbolicWellAndPrefersIt() {
        ArpsCurve truth = new ArpsCurve(ArpsKind.MODIFIED_HYPERBOLIC, 10_000, 0.01, 1.5, 0.5 / 365);
        assertThat(truth.switchTime()).isLessThan(500);
        double[][] w = well(truth, 9);
        DeclineFitter fitter = new DeclineFitter(0.5 / 365);
        List<DeclineFit> fits = fitter.fitAll(w[0], w[1]);
        assertRecovered(truth, fitOf(ArpsKind.MODIFIED_HYPERBOLIC, fits).curve());
        assertThat(fits.get(0).curve().kind()).isEqualTo(ArpsKind.MODIFIED_HYPERBOLIC);
    }

    @Test
    void eurMatchesTheClosedForms() {
        ArpsCurve exp = new ArpsCurve(ArpsKind.EXPONENTIAL, 1_000, 0.001, 0, 0);
        assertThat(exp.eur(100)).isCloseTo((1_000 - 100) / 0.001, within(1e-6));
        ArpsCurve hyp = new ArpsCurve(ArpsKind.HYPERBOLIC, 1_000, 0.01, 0.5, 0);
        double t = hyp.timeToRate(50);
        assertThat(hyp.rate(t)).isCloseTo(50, within(1e-6));
        double numeric = 0;
        for (double x = 0; x < t; x += 0.01) {
            numeric += hyp.rate(x + 0.005) * 0.01;
        }
        assertThat(hyp.eur(50)).isCloseTo(numeric, within(numeric * 1e-4));
        ArpsCurve mh = new ArpsCurve(ArpsKind.MODIFIED_HYPERBOLIC, 1_000, 0.01, 1.2, 0.0005);
        double tm = mh.timeToRate(10);
        assertThat(mh.rate(tm)).isCloseTo(10, within(1e-6));
        assertThat(tm).isGreaterThan(mh.switchTime());
    }

    @Test
    void rejectsTooFewRates() {
        assertThatThrownBy(() -> new DeclineFitter(TERMINAL).fitAll(new double[] {0, 1, 2}, new double[] {5, 4, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 5");
    }

    /** Verifies that data that does not decline (flat, rising, a spike) gives finite fits, never an exception. */
    @Test
    void oddDataGivesFiniteFits() {
        java.util.Random r = new java.util.Random(4);
        double[] t = new double[200];
        double[] flat = new double[200];
        double[] rising = new double[200];
        double[] spiky = new double[200];
        for (int i = 0; i < 200; i++) {
            t[i] = i;
            flat[i] = 100 * Math.exp(0.05 * r.nextGaussian());
            rising[i] = 10 + i;
            spiky[i] = i == 3 ? 1e9 : 50;
        }
        for (double[] q : new double[][] {flat, rising, spiky}) {
            List<DeclineFit> fits = new DeclineFitter(TERMINAL).fitAll(t, q);
            assertThat(fits).isNotEmpty();
            for (DeclineFit f : fits) {
                assertThat(f.curve().qi()).isFinite().isPositive();
                assertThat(f.curve().eur(1)).isNotNaN();
            }
        }
    }
}
