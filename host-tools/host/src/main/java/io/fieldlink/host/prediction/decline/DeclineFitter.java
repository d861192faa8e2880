package io.fieldlink.host.prediction.decline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits Arps curves to daily rates by non-linear least squares on ln(rate) (multiplicative scatter),
 * with the Levenberg–Marquardt optimiser of Apache Commons Math. Parameters are fitted as ln qi,
 * ln Di and b (b kept within [0.01, 2]); the modified hyperbolic curve uses a fixed terminal decline.
 * The best model is the one with the lowest AIC. Immutable and thread-safe.
 */
public final class DeclineFitter {
    private static final double B_MIN = 0.01;
    private static final double B_MAX = 2.0;
    private final double terminalDeclinePerDay;

    /**
     * @param terminalDeclinePerDay nominal terminal decline of the modified hyperbolic curve, per day
     *     (e.g. 0.06 / 365 for 6 % a year), positive
     * @throws IllegalArgumentException if it is not positive
     */
    public DeclineFitter(double terminalDeclinePerDay) {
        if (!(terminalDeclinePerDay > 0)) {
            throw new IllegalArgumentException("terminalDeclinePerDay: must be positive, got " + terminalDeclinePerDay);
        }
        this.terminalDeclinePerDay = terminalDeclinePerDay;
    }

    /**
     * Fits every kind and returns them best first.
     *
     * @param days observation times in days from the first production (ascending, non-negative)
     * @param rates rates per day; non-positive rates (shut-in days) are skipped
     * @throws IllegalArgumentException if the arrays differ in length or fewer than 5 positive
     *     rates remain
     * @throws DeclineFitException if no kind could be fitted
     */
    public List<DeclineFit> fitAll(double[] days, double[] rates) {
        double[][] clean = positive(days, rates);
        double[] t = clean[0];
        double[] y = clean[1];
        DeclineFit exp = fit(ArpsKind.EXPONENTIAL, t, y, start(t, y));
        List<DeclineFit> fits = new ArrayList<>();
        fits.add(exp);
        double[] s = exp.curve() == null ? start(t, y) : new double[] {exp.curve().qi(), exp.curve().di(), 0.5};
        for (ArpsKind k : new ArpsKind[] {ArpsKind.HARMONIC, ArpsKind.HYPERBOLIC, ArpsKind.MODIFIED_HYPERBOLIC}) {
            fits.add(fit(k, t, y, s));
        }
        fits.removeIf(f -> f.curve() == null);
        if (fits.isEmpty()) {
            throw new DeclineFitException("no decline curve converged on " + t.length + " rates");
        }
        fits.sort(Comparator.comparingDouble(DeclineFit::aic));
        return fits;
    }

    /**
     * Fits one kind from a starting point.
     *
     * @param start {qi, Di, b} to start from
     * @return the fit, or a fit with a null curve when the optimiser did not converge
     */
    public DeclineFit fit(ArpsKind kind, double[] t, double[] y, double[] start) {
        boolean withB = kind == ArpsKind.HYPERBOLIC || kind == ArpsKind.MODIFIED_HYPERBOLIC;
        double[] target = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            target[i] = Math.log(y[i]);
        }
        double[] p0 = withB
                ? new double[] {Math.log(start[0]), Math.log(Math.max(start[1], 1e-6)), clampB(start[2])}
                : new double[] {Math.log(start[0]), Math.log(Math.max(start[1], 1e-6))};
        MultivariateJacobianFunction model = point -> {
            double[] p = point.toArray();
            double[] value = logRates(kind, p, t);
            double[][] jac = new double[t.length][p.length];
            for (int j = 0; j < p.length; j++) {
                double h = 1e-6 * Math.max(1, Math.abs(p[j]));
                double[] up = p.clone();
                double[] down = p.clone();
                up[j] += h;
                down[j] -= h;
                double[] vu = logRates(kind, up, t);
                double[] vd = logRates(kind, down, t);
                for (int i = 0; i < t.length; i++) {
                    jac[i][j] = (vu[i] - vd[i]) / (2 * h);
                }
            }
            return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(p0).model(model).target(target)
                .lazyEvaluation(false).maxEvaluations(2000).maxIterations(500)
                .parameterValidator(DeclineFitter::validate).build();
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(problem);
            double[] p = opt.getPoint().toArray();
            double sse = opt.getResiduals().dotProduct(opt.getResiduals());
            if (!Double.isFinite(sse)) {
                return new DeclineFit(null, Double.NaN, Double.POSITIVE_INFINITY, t.length);
            }
            int k = p.length;
            double aic = t.length * Math.log(Math.max(sse, 1e-300) / t.length) + 2 * k;
            return new DeclineFit(curve(kind, p), sse, aic, t.length);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            return new DeclineFit(null, Double.NaN, Double.POSITIVE_INFINITY, t.length);
        }
    }

    ArpsCurve curve(ArpsKind kind, double[] p) {
        double qi = Math.exp(p[0]);
        double di = Math.exp(p[1]);
        switch (kind) {
            case EXPONENTIAL:
                return new ArpsCurve(kind, qi, di, 0, 0);
            case HARMONIC:
                return new ArpsCurve(kind, qi, di, 1, 0);
            case HYPERBOLIC:
                return new ArpsCurve(kind, qi, di, clampB(p[2]), 0);
            default:
                return new ArpsCurve(kind, qi, di, clampB(p[2]), terminalDeclinePerDay);
        }
    }

    private double[] logRates(ArpsKind kind, double[] p, double[] t) {
        ArpsCurve c = curve(kind, p);
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = Math.log(c.rate(t[i]));
        }
        return v;
    }

    /** Keeps ln Di within [-30, 2] (no overflow of the rate) and b within its bounds. */
    private static RealVector validate(RealVector v) {
        RealVector c = v.copy();
        if (c.getDimension() > 2) {
            c.setEntry(2, clampB(c.getEntry(2)));
        }
        c.setEntry(1, Math.max(-30, Math.min(2, c.getEntry(1))));
        return c;
    }

    private static double clampB(double b) {
        return Math.max(B_MIN, Math.min(B_MAX, b));
    }

    /** Start values {qi, Di, b} from a straight line through ln(rate) (the exponential fit). */
    static double[] start(double[] t, double[] y) {
        double mt = 0;
        double my = 0;
        for (int i = 0; i < t.length; i++) {
            mt += t[i];
            my += Math.log(y[i]);
        }
        mt /= t.length;
        my /= t.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < t.length; i++) {
            sxy += (t[i] - mt) * (Math.log(y[i]) - my);
            sxx += (t[i] - mt) * (t[i] - mt);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double di = Math.max(1e-5, -slope);
        return new double[] {Math.exp(my - slope * mt), di, 0.5};
    }

    static double[][] positive(double[] days, double[] rates) {
        if (days.length != rates.length) {
            throw new IllegalArgumentException("days and rates differ in length: " + days.length + " and " + rates.length);
        }
        int n = 0;
        for (double r : rates) {
            if (r > 0 && Double.isFinite(r)) {
                n++;
            }
        }
        if (n < 5) {
            throw new IllegalArgumentException("rates: at least 5 positive daily rates are needed, got " + n);
        }
        double[] t = new double[n];
        double[] y = new double[n];
        int j = 0;
        for (int i = 0; i < rates.length; i++) {
            if (rates[i] > 0 && Double.isFinite(rates[i])) {
                if (days[i] < 0 || (j > 0 && days[i] < t[j - 1])) {
                    throw new IllegalArgumentException("days[" + i + "]: must be non-negative and ascending");
                }
                t[j] = days[i];
                y[j++] = rates[i];
            }
        }
        return new double[][] {t, y};
    }
}
