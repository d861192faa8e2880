package io.fieldlink.simulator.fleet;

/**
 * What to simulate: how many boards of each variant, the seed, timing and fault rates. A plain
 * mutable bean filled by the command line or a test; {@link #check()} names the first bad value.
 */
public final class FleetSpec {
    /** Meters (board variant {@code meter}). */
    public int meters;
    /** Pump stations (board variant {@code pump}). */
    public int pumps;
    /** Wellheads (board variant {@code wellhead}). */
    public int wells;
    /** Seeds every model, fault and device id suffix. */
    public long seed = 1;
    /** Prefix of the device ids, e.g. {@code sim-} gives {@code sim-meter-0001}. */
    public String idPrefix = "sim-";
    /** Uplink periodic report interval. */
    public long reportIntervalMillis = 15 * 60_000L;
    /** Uplink first back-off after a failed exchange. */
    public long backoffBaseMillis = 30_000L;
    /** Uplink longest back-off. */
    public long backoffCapMillis = 10 * 60_000L;
    /** Meter sample period (the firmware's tick; the meter integrates energy over it). */
    public long meterSampleMillis = 60_000L;
    /** Pump sample period. */
    public long pumpSampleMillis = 5_000L;
    /** Wellhead sample period. */
    public long wellSampleMillis = 30_000L;
    /**
     * Wellhead integrity period (every channel is reported at least this often, beside its
     * report-by-exception deadband), or 0 for the board file's (15 min).
     */
    public long wellIntegrityMillis;
    /** Vehicles an hour at a pump station's busiest hour (the demand curve's peak). */
    public double vehiclesPerPeakHour = 14;
    /** Meter balance/energy pack interval. */
    public long meterTelemetryMillis = 60 * 60_000L;
    /**
     * The meters' own uplink report interval (their board config {@code report_interval}), or 0 for
     * {@link #reportIntervalMillis}: e.g. a day, so routine readings go up once a day and events at once.
     */
    public long meterReportIntervalMillis;
    /** Whether meters push every reading pack at once (board config {@code push_readings}) instead of waiting for their report. */
    public boolean meterPushReadings;
    /** Spread of the boards' boot times from the start (they then report in cohorts). */
    public long bootSpreadMillis = 10_000L;
    /** One-way network latency, ms (plus up to the same again as jitter). */
    public long latencyMillis = 40;
    /**
     * Virtual time: how far (ms of fleet time) the other boards may run ahead of the oldest request
     * still with the host, so that the host gets many boards' requests at once. 0 keeps the whole
     * fleet in step with the host (one board's request at a time).
     */
    public long lookaheadMillis = 15 * 60_000L;
    /**
     * Virtual time: scheduler threads the boards are split over (each runs its share of the boards in
     * time order, all under one look-ahead); the same seed gives the same run with any number. Paced
     * time runs on one.
     */
    public int threads = 1;
    /** Probability a datagram (either way) is lost. */
    public double loss;
    /** Probability a datagram is delivered twice. */
    public double duplication;
    /** Probability a datagram is held back 0.5-3 s (so it overtakes or is overtaken). */
    public double reorder;
    /** Power cuts per board per day (each strikes mid-write when a write comes). */
    public double powerCutsPerDay;
    /** Network partitions of single boards per board per day (each 10 min - 6 h). */
    public double partitionsPerDay;
    /** Fleet-wide partitions per day (the whole backhaul down, 5 min - 2 h). */
    public double fleetPartitionsPerDay;
    /** Sensor faults (stuck, noisy, out of range) per board per day, each lasting 1-12 h. */
    public double sensorFaultsPerDay;
    /** Physics incidents per board per day: tamper and theft (meters), leaks (pumps), overpressure (wells). */
    public double incidentsPerDay;
    /** Share of pump vehicles that booked; of those, the share that do not show up. */
    public double bookedShare = 0.6;
    /** Share of booked vehicles that do not show up. */
    public double noShowShare = 0.1;
    /**
     * Smallest meter top-up, milli-units (a top-up is this plus 0-3 times as much again, in fifths);
     * the household tops up when its balance is below 20 units, checking hourly. The default (50
     * units) makes meters top up many times a day at the simulated tariff; a utility's customers
     * buy days' worth at once (e.g. 2,000 units).
     */
    public long meterTopUpMilli = 50_000;
    /** Share of meter top-ups where the customer types a wrong token (replayed or another meter's). */
    public double badTokenShare = 0.03;

    /**
     * Whether pump attendants serve vehicles while the pump does not know the time yet (after a boot,
     * before the host's hello answer). True is what happens in the field; the firmware then stamps
     * the sales with its uptime instead of the date (a known firmware gap, see the report).
     */
    public boolean serveBeforeClockKnown = true;

    /** @return the total number of boards */
    public int boards() {
        return meters + pumps + wells;
    }

    /** @throws IllegalArgumentException naming the first bad value */
    public void check() {
        nonNegative("meters", meters);
        nonNegative("pumps", pumps);
        nonNegative("wells", wells);
        if (boards() == 0) {
            throw new IllegalArgumentException("the fleet is empty: give --meters, --pumps or --wells");
        }
        positive("report interval", reportIntervalMillis);
        positive("meter sample period", meterSampleMillis);
        positive("pump sample period", pumpSampleMillis);
        positive("well sample period", wellSampleMillis);
        positive("meter telemetry interval", meterTelemetryMillis);
        nonNegative("meter report interval", meterReportIntervalMillis);
        if (meterReportIntervalMillis > 0 && (meterReportIntervalMillis % 1000 != 0 || meterReportIntervalMillis < 10_000L)) {
            throw new IllegalArgumentException("meter report interval must be whole seconds, at least 10 s: " + meterReportIntervalMillis + " ms");
        }
        nonNegative("well integrity period", wellIntegrityMillis);
        if (wellIntegrityMillis > 0 && (wellIntegrityMillis % 1000 != 0 || wellIntegrityMillis < 60_000L)) {
            throw new IllegalArgumentException("well integrity period must be whole seconds, at least 60 s: " + wellIntegrityMillis + " ms");
        }
        if (!(vehiclesPerPeakHour > 0 && vehiclesPerPeakHour <= 120)) {
            throw new IllegalArgumentException("vehicles per peak hour must be more than 0 and at most 120: " + vehiclesPerPeakHour);
        }
        nonNegative("latency", latencyMillis);
        nonNegative("lookahead", lookaheadMillis);
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be 1 to 256: " + threads);
        }
        if (meterTopUpMilli <= 0) {
            throw new IllegalArgumentException("meter top-up must be positive: " + meterTopUpMilli + " milli-units");
        }
        probability("loss", loss);
        probability("duplication", duplication);
        probability("reorder", reorder);
        probability("booked share", bookedShare);
        probability("no-show share", noShowShare);
        probability("bad token share", badTokenShare);
        nonNegative("power cuts per day", powerCutsPerDay);
        nonNegative("partitions per day", partitionsPerDay);
        nonNegative("fleet partitions per day", fleetPartitionsPerDay);
        nonNegative("sensor faults per day", sensorFaultsPerDay);
        nonNegative("incidents per day", incidentsPerDay);
        if (idPrefix == null || !idPrefix.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("id prefix may hold only letters, digits, '.', '_' and '-': " + idPrefix);
        }
    }

    /** @return true when any network fault is on */
    boolean networkFaults() {
        return loss > 0 || duplication > 0 || reorder > 0 || partitionsPerDay > 0 || fleetPartitionsPerDay > 0;
    }

    private static void nonNegative(String what, double v) {
        if (v < 0 || Double.isNaN(v)) {
            throw new IllegalArgumentException(what + " must not be negative: " + v);
        }
    }

    private static void positive(String what, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + v + " ms");
        }
    }

    private static void probability(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability between 0 and 1: " + v);
        }
    }
}
