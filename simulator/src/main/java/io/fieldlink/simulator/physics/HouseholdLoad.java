package io.fieldlink.simulator.physics;

import java.time.ZoneOffset;

/**
 * One household's electrical load: a base load, a daily shape with morning and evening peaks, a
 * weekend shape, a winter heating factor, appliance bursts (kettle, oven, heater) and noise. Each
 * household is scaled by its own size factor from the seed. Thread-safe (stateless).
 */
public final class HouseholdLoad {
    private static final long APPLIANCE_SLOT_MILLIS = 15 * 60_000L;

    private final long seed;
    private final double sizeFactor;
    private final ZoneOffset zone;

    public HouseholdLoad(long seed, ZoneOffset zone) {
        this.seed = seed;
        this.zone = zone;
        this.sizeFactor = 0.6 + 0.9 * Noise.uniform(seed, 1, 0);
    }

    /** Active power in watts at {@code epochMillis}, never negative. */
    public double activePowerWatts(long epochMillis) {
        CalendarTime t = CalendarTime.of(epochMillis, zone);
        double shape = t.weekend() ? weekendShape(t.hourOfDay()) : weekdayShape(t.hourOfDay());
        double winter = 1 + 0.35 * Math.cos(2 * Math.PI * (t.dayOfYear() - 15) / 365.0);
        double appliances = applianceWatts(epochMillis);
        double noise = 1 + 0.05 * Noise.gaussian(seed, 2, epochMillis / 60_000L);
        return Math.max(0, sizeFactor * (120 + 650 * shape * winter) * noise + appliances);
    }

    private double applianceWatts(long epochMillis) {
        long slot = epochMillis / APPLIANCE_SLOT_MILLIS;
        double draw = Noise.uniform(seed, 3, slot);
        if (draw < 0.04) {
            return 2000;
        }
        if (draw < 0.06) {
            return 1200;
        }
        return 0;
    }

    private static double weekdayShape(double hour) {
        return bump(hour, 7.5, 1.2, 0.9) + bump(hour, 19.5, 2.0, 1.4) + 0.25;
    }

    private static double weekendShape(double hour) {
        return bump(hour, 10.0, 2.5, 1.0) + bump(hour, 19.0, 2.5, 1.2) + 0.3;
    }

    private static double bump(double hour, double centre, double width, double height) {
        double d = Math.abs(hour - centre);
        d = Math.min(d, 24 - d);
        return height * Math.exp(-(d * d) / (2 * width * width));
    }
}
