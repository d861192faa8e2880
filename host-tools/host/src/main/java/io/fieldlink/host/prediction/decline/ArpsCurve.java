package io.fieldlink.host.prediction.decline;

/**
 * One Arps decline curve. Time {@code t} in days from the curve's start, rates in volume per day.
 *
 * @param kind the family
 * @param qi initial rate, per day
 * @param di initial nominal decline, per day
 * @param b hyperbolic exponent (0 exponential, 1 harmonic)
 * @param dLim terminal nominal decline per day (modified hyperbolic only, else 0)
 */
public record ArpsCurve(ArpsKind kind, double qi, double di, double b, double dLim) {

    /** Time (days) where a modified hyperbolic curve turns exponential; infinite for other kinds. */
    public double switchTime() {
        if (kind != ArpsKind.MODIFIED_HYPERBOLIC || di <= dLim) {
            return kind == ArpsKind.MODIFIED_HYPERBOLIC ? 0 : Double.POSITIVE_INFINITY;
        }
        return (di / dLim - 1) / (b * di);
    }

    /** @return the rate at {@code t} days */
    public double rate(double t) {
        switch (kind) {
            case EXPONENTIAL:
                return qi * Math.exp(-di * t);
            case HARMONIC:
                return qi / (1 + di * t);
            case HYPERBOLIC:
                return hyperbolicRate(t);
            default:
                double ts = switchTime();
                if (t <= ts) {
                    return hyperbolicRate(t);
                }
                return hyperbolicRate(ts) * Math.exp(-dLim * (t - ts));
        }
    }

    /** @return cumulative volume produced from 0 to {@code t} days */
    public double cumulative(double t) {
        switch (kind) {
            case EXPONENTIAL:
                return qi / di * (1 - Math.exp(-di * t));
            case HARMONIC:
                return qi / di * Math.log1p(di * t);
            case HYPERBOLIC:
                return hyperbolicCumulative(t);
            default:
                double ts = switchTime();
                if (t <= ts) {
                    return hyperbolicCumulative(t);
                }
                return hyperbolicCumulative(ts) + hyperbolicRate(ts) / dLim * (1 - Math.exp(-dLim * (t - ts)));
        }
    }

    /** @return days until the rate falls to {@code limit} (0 when it already is at or below it) */
    public double timeToRate(double limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit: the economic limit must be positive, got " + limit);
        }
        if (qi <= limit) {
            return 0;
        }
        switch (kind) {
            case EXPONENTIAL:
                return Math.log(qi / limit) / di;
            case HARMONIC:
                return (qi / limit - 1) / di;
            case HYPERBOLIC:
                return hyperbolicTime(limit);
            default:
                double ts = switchTime();
                double qs = hyperbolicRate(ts);
                if (qs <= limit) {
                    return hyperbolicTime(limit);
                }
                return ts + Math.log(qs / limit) / dLim;
        }
    }

    /** Estimated ultimate recovery: cumulative volume until the rate reaches {@code limit}. */
    public double eur(double limit) {
        return cumulative(timeToRate(limit));
    }

    private double hyperbolicRate(double t) {
        if (b < 1e-9) {
            return qi * Math.exp(-di * t);
        }
        return qi * Math.pow(1 + b * di * t, -1 / b);
    }

    private double hyperbolicCumulative(double t) {
        if (b < 1e-9) {
            return qi / di * (1 - Math.exp(-di * t));
        }
        if (Math.abs(b - 1) < 1e-9) {
            return qi / di * Math.log1p(di * t);
        }
        return qi / ((1 - b) * di) * (1 - Math.pow(1 + b * di * t, (b - 1) / b));
    }

    private double hyperbolicTime(double limit) {
        if (b < 1e-9) {
            return Math.log(qi / limit) / di;
        }
        return (Math.pow(qi / limit, b) - 1) / (b * di);
    }
}
