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

    /** The demand curve's peak when none is given: a busy single-dispenser station. */
    public static final double DEFAULT_PEAK_PER_HOUR = 14;

    private final long seed;
    private final double peakPerHour;
    private final ZoneOffset zone;
    private final double bookedShare;
    private final double noShowShare;

    public VehicleArrivals(long seed, ZoneOffset zone, double bookedShare, double noShowShare) {
        this(seed, zone, bookedShare, noShowShare, DEFAULT_PEAK_PER_HOUR);
    }

    /** @param peakPerHour vehicles an hour at the busiest hour */
    public VehicleArrivals(long seed, ZoneOffset zone, double bookedShare, double noShowShare, double peakPerHour) {
        this.peakPerHour = peakPerHour;
        this.seed = seed;
        this.zone = zone;
        this.bookedShare = bookedShare;
        this.noShowShare = noShowShare;
    }

    /** Vehicles per hour expected at this hour of day, at a station whose peak is {@link #DEFAULT_PEAK_PER_HOUR}. */
    public static double demandPerHour(double hourOfDay) {
        return demandPerHour(hourOfDay, DEFAULT_PEAK_PER_HOUR);
    }

    /** Vehicles per hour expected at this hour of day at a station with {@code peakPerHour} at its busiest. */
    public static double demandPerHour(double hourOfDay, double peakPerHour) {
        double morning = Math.exp(-Math.pow(hourOfDay - 8.5, 2) / 4);
        double evening = Math.exp(-Math.pow(hourOfDay - 18, 2) / 5);
        double night = hourOfDay < 5 || hourOfDay >= 23 ? 0.05 : 0.25;
        return peakPerHour * Math.max(night, Math.max(morning, 0.9 * evening));
    }

    /** The vehicles arriving in the hour that starts at {@code hourStartMillis} (a multiple of an hour). */
    public List<Vehicle> inHour(long hourStartMillis) {
        long hour = Math.floorDiv(hourStartMillis, 3_600_000L);
        List<Vehicle> vehicles = new ArrayList<>();
        double t = 0;
        for (int k = 0; ; k++) {
            t += -Math.log(1 - Noise.uniform(seed, hour, 4L * k)) / peakPerHour;
            if (t >= 1) {
                return vehicles;
            }
            long at = hour * 3_600_000L + (long) (t * 3_600_000L);
            double rate = demandPerHour(CalendarTime.of(at, zone).hourOfDay(), peakPerHour);
            if (Noise.uniform(seed, hour, 4L * k + 1) * peakPerHour <= rate) {
                double draw = Noise.uniform(seed, hour, 4L * k + 2);
                long grams = 6_000 + (long) (9_000 * Noise.uniform(seed, hour, 4L * k + 3));
                boolean booked = draw < bookedShare;
                boolean noShow = booked && Noise.uniform(seed, hour + 7919, k) < noShowShare;
                vehicles.add(new Vehicle(at, grams, booked, noShow));
            }
        }
    }
}
