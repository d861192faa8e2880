package io.fieldlink.host.prediction.decline;

/**
 * A fitted curve and how well it fits.
 *
 * @param curve the fitted curve
 * @param sse sum of squared residuals of ln(rate)
 * @param aic Akaike information criterion, n·ln(SSE/n) + 2k (lower is better)
 * @param points observations used
 */
public record DeclineFit(ArpsCurve curve, double sse, double aic, int points) {
    /** @return root-mean-square residual of ln(rate), roughly the relative scatter */
    public double rmsLog() {
        return Math.sqrt(sse / points);
    }
}
