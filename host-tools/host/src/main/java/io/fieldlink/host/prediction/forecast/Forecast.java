package io.fieldlink.host.prediction.forecast;

/**
 * Point forecasts with a central prediction interval, one per step after the last observation.
 *
 * @param mean expected value per step ahead (index 0 = one step ahead)
 * @param lower lower interval bound per step
 * @param upper upper interval bound per step
 * @param coverage nominal coverage of the interval, e.g. 0.95
 */
public record Forecast(double[] mean, double[] lower, double[] upper, double coverage) {
    /** @return the number of steps forecast */
    public int horizon() {
        return mean.length;
    }
}
