package io.fieldlink.simulator.physics;

/**
 * A producing well: oil on an Arps decline from the well's start, gas by a gas-oil ratio, water by a
 * rising water cut, all scaled by the choke; slugging on some wells; tubing pressure that falls with
 * rate while flowing and builds toward the shut-in pressure when the safety valve is closed; an
 * optional overpressure event (a blocked flowline) that ramps tubing pressure up. Pressures in kPa,
 * temperature in °C, liquids in L/h, gas in m³/h. Thread-safe (stateless but for the overpressure).
 *
 * <p>Noise is what the instruments add, sized like field instruments rather than like a load test:
 * pressure transmitters 0.05 % of reading (a few kPa), the flow computer's averaged rates 0.05 % (oil,
 * water; gas 0.03 % more), the temperature transmitter 0.03 °C; the wellhead temperature itself moves
 * slowly (a daily swing of about 1.5 °C and with the flow). So report-by-exception traffic comes
 * from what the well does (slugs, choke changes, decline, the daily swing), not from sensor noise
 * crossing the board file's deadbands (50 kPa, 20 L/h, 5 m³/h, 0.5 °C). About one well in five
 * slugs (a surge of 15-40 % every 40-150 min, lasting a fifth of the period); the others flow steadily.
 */
public final class WellModel {
    /** One reading of every wellhead channel. */
    public record Reading(double tubingKpa, double casingKpa, double temperatureC, double oilLph, double gasM3h,
            double waterLph, double chokePercent) {
    }

    private static final double LITRES_PER_BARREL = 158.987;

    private final long seed;
    private final long startMillis;
    private final ArpsDecline oil;
    private final double gasOilRatio;
    private final double shutInKpa;
    private final double slugAmplitude;
    private final double slugPeriodMillis;
    private final double slugPhase;
    private long overpressureFromMillis = Long.MAX_VALUE;

    /**
     * @param seed the well's seed
     * @param startMillis when production started (decline time zero)
     * @param oil decline in barrels per day
     * @param gasOilRatio m³ of gas per m³ of oil
     * @param shutInKpa the pressure the well builds to when shut in
     */
    public WellModel(long seed, long startMillis, ArpsDecline oil, double gasOilRatio, double shutInKpa) {
        this.seed = seed;
        this.startMillis = startMillis;
        this.oil = oil;
        this.gasOilRatio = gasOilRatio;
        this.shutInKpa = shutInKpa;
        boolean slugs = Noise.uniform(seed, 25, 0) < 0.2;
        this.slugAmplitude = slugs ? 0.15 + 0.25 * Noise.uniform(seed, 26, 0) : 0;
        this.slugPeriodMillis = (40 + 110 * Noise.uniform(seed, 27, 0)) * 60_000.0;
        this.slugPhase = Noise.uniform(seed, 28, 0);
    }

    /** @return true when this well slugs */
    public boolean slugs() {
        return slugAmplitude > 0;
    }

    /** A blocked flowline from {@code fromMillis}: tubing pressure ramps up about 300 kPa a minute. */
    public void overpressureFrom(long fromMillis) {
        this.overpressureFromMillis = fromMillis;
    }

    public void clearOverpressure() {
        this.overpressureFromMillis = Long.MAX_VALUE;
    }

    public Reading read(long epochMillis, boolean valveOpen) {
        double days = Math.max(0, (epochMillis - startMillis) / 86_400_000.0);
        double choke = chokePercent(epochMillis);
        double dayPhase = 2 * Math.PI * Math.floorMod(epochMillis, 86_400_000L) / 86_400_000.0;
        double temperature = 55 + 1.5 * Math.sin(dayPhase - Math.PI / 2) + 0.03 * Noise.gaussian(seed, 20, epochMillis / 1_000L);
        double blocked = epochMillis >= overpressureFromMillis ? (epochMillis - overpressureFromMillis) / 60_000.0 * 300 : 0;
        if (!valveOpen) {
            return new Reading(shutInKpa + blocked, shutInKpa * 0.7, temperature - 10, 0, 0, 0, choke);
        }
        double slug = 1 + slugAmplitude * Math.max(0, Math.sin(2 * Math.PI * (epochMillis / slugPeriodMillis + slugPhase)) - 0.8) * 5;
        double noise = 1 + 0.0005 * Noise.gaussian(seed, 21, epochMillis / 1_000L);
        double oilLph = oil.rate(days) * LITRES_PER_BARREL / 24 * (choke / 50) * slug * noise;
        double waterCut = Math.min(0.9, 0.1 + 0.6 * (1 - Math.exp(-days / 900)));
        double waterLph = oilLph * waterCut / (1 - waterCut);
        double gasM3h = oilLph / 1000 * gasOilRatio * (1 + 0.0003 * Noise.gaussian(seed, 22, epochMillis / 1_000L));
        double flowing = shutInKpa * (0.55 - 0.25 * oilLph / Math.max(1, oil.qi() * LITRES_PER_BARREL / 24)) + blocked;
        double tubing = flowing * (1 + 0.0005 * Noise.gaussian(seed, 23, epochMillis / 1_000L));
        double casing = flowing * 0.8 + 400 + flowing * 0.0005 * Noise.gaussian(seed, 29, epochMillis / 1_000L);
        return new Reading(tubing, casing, temperature + 2 * (slug - 1), oilLph, gasM3h, waterLph, choke);
    }

    /** The operator's choke setting: 50 % with a change every few weeks. */
    private double chokePercent(long epochMillis) {
        long period = epochMillis / (21 * 86_400_000L);
        return 35 + 30 * Noise.uniform(seed, 24, period);
    }
}
