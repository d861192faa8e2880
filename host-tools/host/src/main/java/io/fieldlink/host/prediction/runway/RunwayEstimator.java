package io.fieldlink.host.prediction.runway;

import java.util.Arrays;

/**
 * Estimates how long a prepaid balance lasts from recent daily spend.
 *
 * <p>The spend rate is a linearly weighted mean of the last days: the oldest day given has weight
 * 1, the newest weight {@code n}, so recent days count more. All arithmetic on money is integer
 * (milli-units). Immutable and thread-safe.
 */
public final class RunwayEstimator {
    private final int[] reminderDays;

    /**
     * @param reminderDays reminder thresholds in whole days, e.g. {@code 7, 3, 1}; each must be
     *     positive
     * @throws IllegalArgumentException if a threshold is not positive or none is given
     */
    public RunwayEstimator(int... reminderDays) {
        if (reminderDays.length == 0) {
            throw new IllegalArgumentException("reminderDays: at least one threshold is needed");
        }
        int[] sorted = reminderDays.clone();
        Arrays.sort(sorted);
        if (sorted[0] <= 0) {
            throw new IllegalArgumentException("reminderDays: thresholds must be positive, got " + sorted[0]);
        }
        this.reminderDays = sorted;
    }

    /**
     * Weighted daily spend in milli-units per day.
     *
     * @param dailySpendMilli spend per whole day, oldest first, each non-negative
     * @return the weighted mean (rounded down); 0 when no day is given
     * @throws IllegalArgumentException if a day's spend is negative
     */
    public long dailyRateMilli(long[] dailySpendMilli) {
        long weighted = 0;
        long weights = 0;
        for (int i = 0; i < dailySpendMilli.length; i++) {
            long spend = dailySpendMilli[i];
            if (spend < 0) {
                throw new IllegalArgumentException("dailySpendMilli[" + i + "]: negative spend " + spend);
            }
            long w = i + 1L;
            weighted = Math.addExact(weighted, Math.multiplyExact(w, spend));
            weights += w;
        }
        return weights == 0 ? 0 : weighted / weights;
    }

    /**
     * The runway of a balance.
     *
     * @param balanceMilli current credit in milli-units (a non-positive balance has zero runway)
     * @param dailySpendMilli spend per whole day, oldest first
     * @return the runway; {@link Runway#unlimited()} when there is no spend
     */
    public Runway runway(long balanceMilli, long[] dailySpendMilli) {
        long rate = dailyRateMilli(dailySpendMilli);
        if (balanceMilli <= 0) {
            return new Runway(0, rate, reminderFor(0));
        }
        if (rate == 0) {
            return Runway.unlimited();
        }
        long hours = Math.multiplyExact(balanceMilli, 24L) / rate;
        return new Runway(hours, rate, reminderFor(hours));
    }

    /**
     * @param hoursLeft a runway in whole hours
     * @return the smallest configured threshold (days) the runway is at or below, 0 if none
     */
    public int reminderFor(long hoursLeft) {
        for (int days : reminderDays) {
            if (hoursLeft <= days * 24L) {
                return days;
            }
        }
        return 0;
    }
}
