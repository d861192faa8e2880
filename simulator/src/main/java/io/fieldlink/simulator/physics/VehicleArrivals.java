package io.fieldlink.simulator.physics;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Vehicles arriving at a CNG station: a non-homogeneous Poisson process whose hourly rate follows a
 * demand curve (morning and evening peaks, a quiet night), drawn by thinning from the station's seed
 * so the same hour always brings the same vehicles. Each vehicle wants a quantity of CNG, may have
 * booked, and a booked one may not show up.
 */
public final class VehicleArrivals {
    /** One vehicle. */
    public record Vehicle(long arrivalMillis, long wantsGrams, boolean booked, boolean noShow) {
    }

    private static final double PEAK_PER_HOUR = 14;

    private final long seed;
    private final ZoneOffset zone;
    private final double bookedShare;
    private final double noShowShare;

    public VehicleArrivals(long seed, ZoneOffset zone, double bookedShare, double noShowShare) {
        this.seed = seed;
        this.zone = zone;
        this.bookedShare = bookedShare;
        this.noShowShare = noShowShare;
    }

    /** Vehicles per hour expected at this hour of day. */
    public static double demandPerHour(double hourOfDay) {
        double morning = Math.exp(-Math.pow(hourOfDay - 8.5, 2) / 4);
        double evening = Math.exp(-Math.pow(hourOfDay - 18, 2) / 5);
        double night = hourOfDay < 5 || hourOfDay >= 23 ? 0.05 : 0.25;
        return PEAK_PER_HOUR * Math.max(night, Math.max(morning, 0.9 * evening));
    }

    /** The vehicles arriving in the hour that starts at {@code hourStartMillis} (a multiple of an hour). */
    public List<Vehicle> inHour(long hourStartMillis) {
        long hour = Math.floorDiv(hourStartMillis, 3_600_000L);
        List<Vehicle> vehicles = new ArrayList<>();
        double t = 0;
        for (int k = 0; ; k++) {
            t += -Math.log(1 - Noise.uniform(seed, hour, 4L * k)) / PEAK_PER_HOUR;
            if (t >= 1) {
                return vehicles;
            }
            long at = hour * 3_600_000L + (long) (t * 3_600_000L);
            double rate = demandPerHour(CalendarTime.of(at, zone).hourOfDay());
            if (Noise.uniform(seed, hour, 4L * k + 1) * PEAK_PER_HOUR <= rate) {
                double draw = Noise.uniform(seed, hour, 4L * k + 2);
                long grams = 6_000 + (long) (9_000 * Noise.uniform(seed, hour, 4L * k + 3));
                boolean booked = draw < bookedShare;
                boolean noShow = booked && Noise.uniform(seed, hour + 7919, k) < noShowShare;
                vehicles.add(new Vehicle(at, grams, booked, noShow));
            }
        }
    }
}
