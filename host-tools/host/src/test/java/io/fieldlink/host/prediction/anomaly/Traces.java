package io.fieldlink.host.prediction.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic field traces (15-minute readings unless said) with optional injected faults. */
final class Traces {
    static final long MIN = 60_000L;
    static final long STEP = 15 * MIN;
    static final long T0 = 1_767_225_600_000L;

    record Point(String channel, long t, double v) {
    }

    private Traces() {
    }

    /** A household's power: night base, morning and evening peaks, 10 % noise. */
    static double householdWatts(long t, Random r) {
        double h = ((t - T0) % 86_400_000L) / 3_600_000.0;
        double shape = 250 + 900 * Math.exp(-Math.pow(h - 7.5, 2) / 2) + 1_600 * Math.exp(-Math.pow(h - 19.5, 2) / 3)
                + 300 * Math.exp(-Math.pow(h - 13, 2) / 8);
        return shape * (1 + 0.1 * r.nextGaussian());
    }

    /**
     * A meter reporting voltage, active power and its energy counter every 15 minutes.
     *
     * @param bypassFrom from this step on only {@code bypassShare} of the energy is registered
     *     (-1 for none)
     * @param reverseAt the counter steps back by 500 Wh at this step (-1 for none)
     */
    static List<Point> meter(int steps, long seed, int bypassFrom, double bypassShare, int reverseAt) {
        Random r = new Random(seed);
        List<Point> out = new ArrayList<>();
        double energy = 10_000;
        for (int i = 0; i < steps; i++) {
            long t = T0 + i * STEP;
            double w = householdWatts(t, r);
            double registered = i >= bypassFrom && bypassFrom >= 0 ? w * bypassShare : w;
            energy += registered * 0.25;
            if (i == reverseAt) {
                energy -= 500;
            }
            out.add(new Point("voltage", t, 230 + 2 * r.nextGaussian()));
            out.add(new Point("active_power", t, w));
            out.add(new Point("energy", t, Math.floor(energy)));
        }
        return out;
    }

    /**
     * A pump station's storage: sales by day (each −2..4 bar), compressor refill to 250 bar when
     * below 200, still at night; optionally a leak of {@code leakBarPerHour} during the nights from
     * {@code leakFromDay}. Returns readings; sale events are given as channel "sale".
     */
    static List<Point> pump(int days, long seed, int leakFromDay, double leakBarPerHour) {
        Random r = new Random(seed);
        List<Point> out = new ArrayList<>();
        double p = 250;
        for (int i = 0; i < days * 96; i++) {
            long t = T0 + i * STEP;
            double h = (i % 96) / 4.0;
            boolean open = h >= 6 && h < 22;
            if (open && r.nextDouble() < 0.6) {
                p -= 2 + 2 * r.nextDouble();
                out.add(new Point("sale", t + 5 * MIN, 1));
            }
            if (p < 200) {
                p = 250;
            }
            if (!open && i / 96 >= leakFromDay && leakFromDay >= 0) {
                p -= leakBarPerHour / 4;
            }
            out.add(new Point("storage_pressure", t + 10 * MIN, p + 0.3 * r.nextGaussian()));
        }
        return out;
    }

    /**
     * A well in exponential decline (pressure and oil flow together), 2 % noise; from step
     * {@code faultAt} the pressure is scaled by {@code pressureFactor} and the flow by
     * {@code flowFactor}.
     */
    static List<Point> well(int steps, long seed, int faultAt, double pressureFactor, double flowFactor) {
        Random r = new Random(seed);
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            long t = T0 + i * STEP;
            double decline = Math.exp(-0.002 * i / 96.0);
            double pf = faultAt >= 0 && i >= faultAt ? pressureFactor : 1;
            double qf = faultAt >= 0 && i >= faultAt ? flowFactor : 1;
            out.add(new Point("tubing_pressure", t, 6_000 * decline * pf * (1 + 0.02 * r.nextGaussian())));
            out.add(new Point("oil_flow", t, 4_000 * decline * qf * (1 + 0.02 * r.nextGaussian())));
        }
        return out;
    }
}
