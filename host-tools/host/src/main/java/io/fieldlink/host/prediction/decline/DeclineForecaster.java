package io.fieldlink.host.prediction.decline;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * P10/P50/P90 forecasts and EUR: fits every Arps kind, keeps the best by AIC, then refits that kind
 * to {@code samples} residual-bootstrap copies of the data (the best fit's ln-rate residuals drawn
 * with replacement from a seeded generator) and takes percentiles of the forecast rates and EURs.
 * Deterministic for a given seed. Thread-safe.
 */
public final class DeclineForecaster {
    private final DeclineFitter fitter;
    private final int samples;
    private final long seed;

    /**
     * @param samples bootstrap refits, at least 20
     * @param seed seed of the resampling
     * @throws IllegalArgumentException if samples is below 20
     */
    public DeclineForecaster(DeclineFitter fitter, int samples, long seed) {
        if (samples < 20) {
            throw new IllegalArgumentException("samples: at least 20 bootstrap refits, got " + samples);
        }
        this.fitter = fitter;
        this.samples = samples;
        this.seed = seed;
    }

    /**
     * @param days observation days (from first production)
     * @param rates observed rates per day
     * @param horizonDays how far past the last observation to forecast, positive
     * @param stepDays spacing of forecast points, positive
     * @param economicLimit rate per day below which the well is uneconomic, positive
     * @throws IllegalArgumentException for bad arguments (see {@link DeclineFitter#fitAll})
     */
    public DeclineForecast forecast(double[] days, double[] rates, double horizonDays, double stepDays,
            double economicLimit) {
        if (!(horizonDays > 0) || !(stepDays > 0)) {
            throw new IllegalArgumentException("horizonDays and stepDays must be positive");
        }
        if (!(economicLimit > 0)) {
            throw new IllegalArgumentException("economicLimit: must be positive, got " + economicLimit);
        }
        List<DeclineFit> fits = fitter.fitAll(days, rates);
        DeclineFit best = fits.get(0);
        double[][] clean = DeclineFitter.positive(days, rates);
        double[] t = clean[0];
        double[] y = clean[1];
        ArpsCurve c = best.curve();
        double[] residuals = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            residuals[i] = Math.log(y[i]) - Math.log(c.rate(t[i]));
        }
        double last = t[t.length - 1];
        int steps = (int) Math.floor(horizonDays / stepDays);
        double[] when = new double[steps];
        for (int k = 0; k < steps; k++) {
            when[k] = last + (k + 1) * stepDays;
        }
        double[][] sampled = new double[steps][samples];
        double[] eurs = new double[samples];
        Random random = new Random(seed);
        double[] start = {c.qi(), c.di(), c.b()};
        double[] yStar = new double[t.length];
        int ok = 0;
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < t.length; i++) {
                yStar[i] = c.rate(t[i]) * Math.exp(residuals[random.nextInt(t.length)]);
            }
            DeclineFit f = fitter.fit(c.kind(), t, yStar, start);
            if (f.curve() == null) {
                continue;
            }
            for (int k = 0; k < steps; k++) {
                sampled[k][ok] = f.curve().rate(when[k]);
            }
            eurs[ok] = f.curve().eur(economicLimit);
            ok++;
        }
        if (ok < samples / 2) {
            throw new DeclineFitException("only " + ok + " of " + samples + " bootstrap refits converged");
        }
        double[] p10 = new double[steps];
        double[] p50 = new double[steps];
        double[] p90 = new double[steps];
        for (int k = 0; k < steps; k++) {
            double[] v = Arrays.copyOf(sampled[k], ok);
            Arrays.sort(v);
            p10[k] = percentile(v, 0.9);
            p50[k] = percentile(v, 0.5);
            p90[k] = percentile(v, 0.1);
        }
        double[] e = Arrays.copyOf(eurs, ok);
        Arrays.sort(e);
        return new DeclineForecast(best, when, p10, p50, p90, percentile(e, 0.9), percentile(e, 0.5),
                percentile(e, 0.1), economicLimit, ok);
    }

    private static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
