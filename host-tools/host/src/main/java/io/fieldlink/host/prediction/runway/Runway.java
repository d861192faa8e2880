package io.fieldlink.host.prediction.runway;

/**
 * A balance runway.
 *
 * @param hoursLeft whole hours of credit left at the current rate; {@link Long#MAX_VALUE} when unlimited
 * @param dailyRateMilli weighted daily spend in milli-units per day
 * @param reminderDays the smallest reminder threshold (days) the runway is at or below, 0 if none
 */
public record Runway(long hoursLeft, long dailyRateMilli, int reminderDays) {
    /** A runway with no spend: never runs out, no reminder. */
    public static Runway unlimited() {
        return new Runway(Long.MAX_VALUE, 0, 0);
    }

    /** Whole days left, rounded down. */
    public long daysLeft() {
        return hoursLeft == Long.MAX_VALUE ? Long.MAX_VALUE : hoursLeft / 24;
    }
}
