package io.fieldlink.host.prediction.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HoltWintersTest {
    static final int WEEK = 168;

    /** Hourly demand: base, a daily shape, quieter weekends, a slow trend and Gaussian noise. */
    static double[] weeklySeries(int hours, double noiseSd, long seed) {
        Random r = new Random(seed);
        double[] y = new double[hours];
        for (int t = 0; t < hours; t++) {
            int hourOfDay = t % 24;
            int day = (t / 24) % 7;
            double daily = 40 * Math.sin(2 * Math.PI * (hourOfDay - 6) / 24) + 15 * Math.sin(4 * Math.PI * hourOfDay / 24);
            double weekend = day >= 5 ? -25 : 0;
            y[t] = 150 + 0.01 * t + daily + weekend + noiseSd * r.nextGaussian();
        }
        return y;
    }

    static double mape(double[] actual, double[] forecast) {
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs((actual[i] - forecast[i]) / actual[i]);
        }
        return s / actual.length;
    }

    /** Verifies that on a seasonal series with 5 % noise the 168 h forecast MAPE stays under 8 %. */
    @Test
    void forecastsAWeekAheadWithinTheMapeBound() {
        double worst = 0;
        for (long seed = 1; seed <= 10; seed++) {
            double[] all = weeklySeries(7 * WEEK, 7.5, seed);
            double[] train = java.util.Arrays.copyOf(all, 6 * WEEK);
            double[] test = java.util.Arrays.copyOfRange(all, 6 * WEEK, 7 * WEEK);
            Forecast f = new HoltWinters(WEEK).fit(train).forecast(WEEK, 0.95, 0);
            worst = Math.max(worst, mape(test, f.mean()));
        }
        assertThat(worst).isLessThan(0.08);
    }

    /** Verifies that the 24 h forecast is tighter than the 168 h bound. */
    @Test
    void dayAheadForecastIsAccurate() {
        double[] all = weeklySeries(6 * WEEK + 24, 7.5, 99);
        double[] train = java.util.Arrays.copyOf(all, 6 * WEEK);
        double[] test = java.util.Arrays.copyOfRange(all, 6 * WEEK, 6 * WEEK + 24);
        Forecast f = new HoltWinters(WEEK).fit(train).forecast(24, 0.95, 0);
        assertThat(mape(test, f.mean())).isLessThan(0.08);
    }

    /** Verifies that about 95 % of held-out points fall inside the 95 % interval (≥ 85 % over 10 seeds). */
    @Test
    void intervalsCoverHeldOutPoints() {
        int inside = 0;
        int total = 0;
        for (long seed = 11; seed <= 20; seed++) {
            double[] all = weeklySeries(7 * WEEK, 7.5, seed);
            Forecast f = new HoltWinters(WEEK).fit(java.util.Arrays.copyOf(all, 6 * WEEK)).forecast(WEEK, 0.95, 0);
            for (int h = 0; h < WEEK; h++) {
                double a = all[6 * WEEK + h];
                if (a >= f.lower()[h] && a <= f.upper()[h]) {
                    inside++;
                }
                total++;
            }
        }
        assertThat((double) inside / total).isBetween(0.85, 1.0);
    }

    @Test
    void intervalsWidenWithTheHorizon() {
        Forecast f = new HoltWinters(WEEK).fit(weeklySeries(4 * WEEK, 7.5, 3)).forecast(WEEK, 0.8, 0);
        assertThat(f.upper()[WEEK - 1] - f.lower()[WEEK - 1]).isGreaterThan(f.upper()[0] - f.lower()[0]);
    }

    @Test
    void rejectsLessThanTwoSeasons() {
        assertThatThrownBy(() -> new HoltWinters(WEEK).fit(new double[WEEK + 10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two seasons");
    }

    @Test
    void rejectsAnUnknownCoverage() {
        HoltWinters.Model m = new HoltWinters(24).fit(weeklySeries(96, 1, 1));
        assertThatThrownBy(() -> m.forecast(24, 0.5, 0)).hasMessageContaining("coverage");
    }
}
