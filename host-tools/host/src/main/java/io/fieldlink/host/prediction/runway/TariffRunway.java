package io.fieldlink.host.prediction.runway;

/**
 * Tariff-aware runway: builds an hour-of-day consumption profile from recent days (recent days
 * weighted more, day weights 1..n oldest to newest), prices each hour at the time-of-use tariff, and
 * walks the balance forward hour by hour from now until it no longer covers the next hour. So a
 * meter that uses most of its energy in the expensive evening runs out sooner than its average
 * price suggests. Money stays integer: consumption in milli-Wh, cost per hour
 * = mWh × price per kWh / 10^6, rounded down. Immutable and thread-safe.
 */
public final class TariffRunway {
    private static final long MAX_DAYS = 3_650;
    private final RunwayEstimator reminders;

    /** @param reminders gives the reminder thresholds */
    public TariffRunway(RunwayEstimator reminders) {
        this.reminders = reminders;
    }

    /**
     * Weighted hour-of-day profile.
     *
     * @param hourlyWh consumption per hour, oldest first; whole days starting at local midnight
     *     ({@code hourlyWh.length % 24 == 0}), each non-negative
     * @return milli-Wh per local hour of the day
     * @throws IllegalArgumentException if the length is not whole days or a value is negative
     */
    public long[] profileMilliWh(double[] hourlyWh) {
        if (hourlyWh.length % 24 != 0) {
            throw new IllegalArgumentException("hourlyWh: whole days needed, got " + hourlyWh.length + " hours");
        }
        int days = hourlyWh.length / 24;
        long[] profile = new long[24];
        long weights = (long) days * (days + 1) / 2;
        if (days == 0) {
            return profile;
        }
        for (int h = 0; h < 24; h++) {
            long sum = 0;
            for (int d = 0; d < days; d++) {
                double wh = hourlyWh[d * 24 + h];
                if (wh < 0 || Double.isNaN(wh)) {
                    throw new IllegalArgumentException("hourlyWh[" + (d * 24 + h) + "]: negative or missing consumption");
                }
                sum = Math.addExact(sum, (d + 1L) * Math.round(wh * 1000));
            }
            profile[h] = sum / weights;
        }
        return profile;
    }

    /**
     * @param balanceMilli credit now, milli-units
     * @param hourlyWh recent consumption, whole local days, oldest first
     * @param tariff the tariff in force
     * @param hourNow the local hour of day now (0..23): the walk starts with the next whole hour
     * @return hours left, the expected daily spend and the reminder due
     */
    public Runway runway(long balanceMilli, double[] hourlyWh, TariffBands tariff, int hourNow) {
        long[] profile = profileMilliWh(hourlyWh);
        long[] cost = new long[24];
        long daily = 0;
        for (int h = 0; h < 24; h++) {
            cost[h] = Math.multiplyExact(profile[h], tariff.pricePerKwhMilli(h)) / 1_000_000L;
            daily += cost[h];
        }
        if (balanceMilli <= 0) {
            return new Runway(0, daily, reminders.reminderFor(0));
        }
        if (daily == 0) {
            return new Runway(Long.MAX_VALUE, 0, 0);
        }
        long wholeDays = Math.min(MAX_DAYS, Math.max(0, balanceMilli / daily - 1));
        long left = balanceMilli - wholeDays * daily;
        long hours = wholeDays * 24;
        int h = (hourNow + 1) % 24;
        while (left >= cost[h] && hours < MAX_DAYS * 24) {
            left -= cost[h];
            hours++;
            h = (h + 1) % 24;
        }
        return new Runway(hours, daily, reminders.reminderFor(hours));
    }
}
