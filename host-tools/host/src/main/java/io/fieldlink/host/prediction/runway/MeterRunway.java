package io.fieldlink.host.prediction.runway;

import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.prediction.HourlySeries;
import io.fieldlink.host.prediction.SeriesSource;
import java.util.List;
import java.util.Optional;

/**
 * A meter's runway from what it reported: the last {@code balance} reading (milli-units) and the
 * hourly increments of its {@code energy} counter (Wh) over the last whole local days, priced at the
 * tariff by {@link TariffRunway}. Thread-safe.
 */
public final class MeterRunway {
    /** Channel of the reported balance, milli-units. */
    public static final String BALANCE = "balance";
    /** Channel of the energy import counter, Wh. */
    public static final String ENERGY = "energy";
    private static final long DAY = 86_400_000L;
    private final SeriesSource source;

    public MeterRunway(SeriesSource source) {
        this.source = source;
    }

    /**
     * A runway and the balance it started from.
     *
     * @param runway hours left, daily spend and reminder due
     * @param balanceMilli the last reported balance
     * @param balanceAt when it was reported, epoch ms
     */
    public record Estimate(Runway runway, long balanceMilli, long balanceAt) {
    }

    /**
     * @param now epoch ms
     * @param days whole past days to weigh, 1..90
     * @param utcOffsetMinutes the site's offset from UTC (the tariff is in local time)
     * @return empty when the meter reported no balance in the last 7 days
     * @throws IllegalArgumentException if days is out of range
     */
    public Optional<Estimate> estimate(String device, long now, int days, TariffBands tariff, RunwayEstimator reminders,
            int utcOffsetMinutes) {
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("days: 1..90, got " + days);
        }
        List<Reading> balance = source.readings(device, BALANCE, now - 7 * DAY, now + 1, 100_000);
        if (balance.isEmpty()) {
            return Optional.empty();
        }
        Reading last = balance.get(balance.size() - 1);
        long offset = utcOffsetMinutes * 60_000L;
        long localMidnight = Math.floorDiv(now + offset, DAY) * DAY - offset;
        long from = localMidnight - days * DAY;
        double[] hourly = HourlySeries.filled(HourlySeries.counterIncrements(source, device, ENERGY, from, days * 24));
        int hourNow = (int) (Math.floorMod(now + offset, DAY) / HourlySeries.HOUR);
        long balanceMilli = Math.round(last.value());
        return Optional.of(new Estimate(new TariffRunway(reminders).runway(balanceMilli, hourly, tariff, hourNow),
                balanceMilli, last.timeMillis()));
    }
}
