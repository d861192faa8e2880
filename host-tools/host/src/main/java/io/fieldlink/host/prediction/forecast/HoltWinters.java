package io.fieldlink.host.prediction.forecast;

/**
 * Additive Holt–Winters (level, trend, season) with a fixed season length, e.g. 168 for an hourly
 * series with an hour-of-week profile. {@link #fit} picks the smoothing constants that minimise the
 * one-step-ahead squared error (a coarse grid, then a finer grid around the best point); the fitted
 * {@link Model} forecasts with intervals from the model's analytic forecast variance (Hyndman et al.,
 * class-1 additive model). Immutable and thread-safe.
 */
public final class HoltWinters {
    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9};
    private static final double[] BETAS = {0, 0.001, 0.01, 0.05};
    private static final double[] GAMMAS = {0.02, 0.05, 0.1, 0.2, 0.4, 0.6};
    private final int period;

    /**
     * @param period season length in steps, at least 2
     * @throws IllegalArgumentException if the period is below 2
     */
    public HoltWinters(int period) {
        if (period < 2) {
            throw new IllegalArgumentException("period: at least 2 steps, got " + period);
        }
        this.period = period;
    }

    /** @return the season length in steps */
    public int period() {
        return period;
    }

    /**
     * Fits the model to {@code y}.
     *
     * @param y equally spaced observations, oldest first, at least two whole seasons, all finite
     * @throws IllegalArgumentException if there are fewer than two seasons or a value is not finite
     */
    public Model fit(double[] y) {
        if (y.length < 2 * period) {
            throw new IllegalArgumentException("y: need at least " + 2 * period + " observations (two seasons), got " + y.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "]: not a finite number");
            }
        }
        double[] best = {0.2, 0.01, 0.1};
        double bestSse = Double.POSITIVE_INFINITY;
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                for (double g : GAMMAS) {
                    double sse = run(y, a, b, g).sse;
                    if (sse < bestSse) {
                        bestSse = sse;
                        best = new double[] {a, b, g};
                    }
                }
            }
        }
        double[] refined = best.clone();
        for (int round = 0; round < 2; round++) {
            for (int p = 0; p < 3; p++) {
                double centre = refined[p];
                for (double f : new double[] {0.5, 0.75, 1.25, 1.5}) {
                    double[] trial = refined.clone();
                    trial[p] = Math.min(0.99, centre * f);
                    double sse = run(y, trial[0], trial[1], trial[2]).sse;
                    if (sse < bestSse) {
                        bestSse = sse;
                        refined = trial;
                    }
                }
            }
        }
        return run(y, refined[0], refined[1], refined[2]);
    }

    /** Runs the recursions with fixed constants (exposed for tests and callers that fix them). */
    public Model run(double[] y, double alpha, double beta, double gamma) {
        int m = period;
        double level = 0;
        for (int i = 0; i < m; i++) {
            level += y[i];
        }
        level /= m;
        double second = 0;
        for (int i = m; i < 2 * m; i++) {
            second += y[i];
        }
        double trend = (second / m - level) / m;
        double[] season = new double[m];
        for (int i = 0; i < m; i++) {
            season[i] = (y[i] - level + y[i + m] - (level + m * trend)) / 2;
        }
        double sse = 0;
        int errors = 0;
        for (int t = m; t < y.length; t++) {
            int s = t % m;
            double predicted = level + trend + season[s];
            double e = y[t] - predicted;
            if (t >= 2 * m) {
                sse += e * e;
                errors++;
            }
            double previousLevel = level;
            level = alpha * (y[t] - season[s]) + (1 - alpha) * (level + trend);
            trend = beta * (level - previousLevel) + (1 - beta) * trend;
            season[s] = gamma * (y[t] - previousLevel - trend) + (1 - gamma) * season[s];
        }
        double sigma = errors == 0 ? 0 : Math.sqrt(sse / errors);
        return new Model(m, alpha, beta, gamma, level, trend, season, y.length % m, sigma, sse);
    }

    /**
     * A fitted model, positioned after the last observation.
     *
     * @param period season length
     * @param alpha level smoothing
     * @param beta trend smoothing
     * @param gamma season smoothing
     * @param level level after the last observation
     * @param trend trend per step after the last observation
     * @param season seasonal offsets by phase ({@code t % period})
     * @param nextPhase phase of the first step to forecast
     * @param sigma standard deviation of one-step errors (after a one-season burn-in)
     * @param sse sum of squared one-step errors
     */
    public record Model(int period, double alpha, double beta, double gamma, double level, double trend,
            double[] season, int nextPhase, double sigma, double sse) {

        /**
         * Forecasts {@code horizon} steps with a central interval of the given coverage. The
         * interval half-width at step h is z·σ·sqrt(1 + Σ_{j<h} (α(1 + jβ) + γ·[j mod m = 0])²).
         *
         * @param horizon steps ahead, at least 1
         * @param coverage 0.8, 0.9 or 0.95
         * @param floor lowest value a forecast or bound may take (0 for consumption), or
         *     {@code Double.NEGATIVE_INFINITY}
         * @throws IllegalArgumentException for a horizon below 1 or another coverage
         */
        public Forecast forecast(int horizon, double coverage, double floor) {
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon: at least 1 step, got " + horizon);
            }
            double z = z(coverage);
            double[] mean = new double[horizon];
            double[] lower = new double[horizon];
            double[] upper = new double[horizon];
            double sumSq = 0;
            for (int h = 1; h <= horizon; h++) {
                if (h > 1) {
                    int j = h - 1;
                    double c = alpha * (1 + j * beta) + (j % period == 0 ? gamma : 0);
                    sumSq += c * c;
                }
                double point = level + h * trend + season[(nextPhase + h - 1) % period];
                double half = z * sigma * Math.sqrt(1 + sumSq);
                mean[h - 1] = Math.max(floor, point);
                lower[h - 1] = Math.max(floor, point - half);
                upper[h - 1] = Math.max(floor, point + half);
            }
            return new Forecast(mean, lower, upper, coverage);
        }

        private static double z(double coverage) {
            if (coverage == 0.8) {
                return 1.2816;
            }
            if (coverage == 0.9) {
                return 1.6449;
            }
            if (coverage == 0.95) {
                return 1.9600;
            }
            throw new IllegalArgumentException("coverage: one of 0.8, 0.9, 0.95, got " + coverage);
        }
    }
}
