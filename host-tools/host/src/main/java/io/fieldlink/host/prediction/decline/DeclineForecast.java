package io.fieldlink.host.prediction.decline;

/**
 * A well's forecast with its uncertainty. P10/P50/P90 follow the reserves convention: P90 is the
 * low estimate (90 % probability of being exceeded), P10 the high one.
 *
 * @param best the best-fitting curve on the observed rates
 * @param days forecast times, days from the first production
 * @param p10 high rate estimate per forecast time
 * @param p50 median rate per forecast time
 * @param p90 low rate estimate per forecast time
 * @param eurP10 high EUR estimate
 * @param eurP50 median EUR
 * @param eurP90 low EUR estimate
 * @param economicLimit the rate per day at which production stops
 * @param samples bootstrap refits used
 */
public record DeclineForecast(DeclineFit best, double[] days, double[] p10, double[] p50, double[] p90,
        double eurP10, double eurP50, double eurP90, double economicLimit, int samples) {
}
