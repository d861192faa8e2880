package io.fieldlink.simulator;

import io.fieldlink.simulator.fleet.FleetSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The fleet options shared by {@code sim} and {@code demo}: a fleet file (Java properties, the same
 * names as the options without dashes, e.g. {@code meters=200}) and flags that override it.
 */
final class FleetOptions {
    @Option(names = "--fleet", paramLabel = "FILE", description = "fleet file (properties: meters, pumps, wells, seed, speed, loss ...)")
    Path fleetFile;

    @Option(names = "--meters", paramLabel = "N", description = "prepaid meters")
    Integer meters;

    @Option(names = "--pumps", paramLabel = "N", description = "CNG pump stations")
    Integer pumps;

    @Option(names = "--wells", paramLabel = "N", description = "wellheads")
    Integer wells;

    @Option(names = "--seed", paramLabel = "S", description = "seed of every model and fault")
    Long seed;

    @Option(names = "--speed", paramLabel = "X", description = "1 = real time, N = N times faster, virtual = as fast as it goes")
    String speed;

    @Option(names = "--days", paramLabel = "D", description = "simulated days to run (default: until Ctrl-C; 7 in virtual time)")
    Double days;

    @Option(names = "--loss", paramLabel = "P", description = "probability a datagram is lost (each way)")
    Double loss;

    @Option(names = "--duplication", paramLabel = "P", description = "probability a datagram arrives twice")
    Double duplication;

    @Option(names = "--reorder", paramLabel = "P", description = "probability a datagram is held back 0.5-3 s")
    Double reorder;

    @Option(names = "--latency", paramLabel = "MS", description = "one-way latency in ms (plus up to as much jitter)")
    Long latency;

    @Option(names = "--lookahead", paramLabel = "S", description = "virtual time: seconds of fleet time the other boards "
            + "may run ahead of the oldest request still with the host (default 900; 0 = the whole fleet waits)")
    Long lookahead;

    @Option(names = "--threads", paramLabel = "N", description = "virtual time: scheduler threads the boards are split "
            + "over (default: the available processors; the same seed gives the same run with any number; paced time uses one)")
    Integer threads;

    @Option(names = "--top-up", paramLabel = "MILLI", description = "smallest meter top-up in milli-units (default 50000; "
            + "a top-up is this plus 0-3 times as much again)")
    Long topUp;

    @Option(names = "--power-cuts", paramLabel = "R", description = "power cuts per board per day (mid-write)")
    Double powerCuts;

    @Option(names = "--partitions", paramLabel = "R", description = "single-board network partitions per board per day")
    Double partitions;

    @Option(names = "--fleet-partitions", paramLabel = "R", description = "whole-fleet partitions per day")
    Double fleetPartitions;

    @Option(names = "--sensor-faults", paramLabel = "R", description = "sensor faults (stuck/noisy/out of range) per board per day")
    Double sensorFaults;

    @Option(names = "--incidents", paramLabel = "R", description = "tamper, theft, leak, overpressure per board per day")
    Double incidents;

    @Option(names = "--report-interval", paramLabel = "S", description = "uplink report interval, seconds")
    Long reportInterval;

    @Option(names = "--meter-sample", paramLabel = "S", description = "meter firmware sample period, seconds (default 60)")
    Long meterSample;

    @Option(names = "--telemetry-interval", paramLabel = "S", description = "meter balance/energy pack interval, seconds (default 3600)")
    Long telemetryInterval;

    @Option(names = "--meter-report-interval", paramLabel = "S", description = "meters' own uplink report interval, seconds "
            + "(default: --report-interval); their reading packs wait for it, events go at once (e.g. 86400: daily reports)")
    Long meterReportInterval;

    @Option(names = "--meter-push-readings", description = "meters send every reading pack at once instead of with their next report")
    Boolean meterPushReadings;

    @Option(names = "--id-prefix", paramLabel = "P", description = "device id prefix (default sim-<seed>-)")
    String idPrefix;

    @Option(names = "--well-scan", paramLabel = "S", description = "wellhead scan period, seconds (default 30)")
    Double wellScan;

    @Option(names = "--well-integrity", paramLabel = "S", description = "wellhead integrity period, seconds (default: the board file's, 15 min)")
    Long wellIntegrity;

    @Option(names = "--peak-vehicles", paramLabel = "N", description = "vehicles an hour at a pump station's busiest hour (default 14)")
    Double peakVehicles;

    @Option(names = "--boot-spread", paramLabel = "S", description = "the boards boot spread over this many seconds (default 10; DTLS handshakes follow the boots)")
    Long bootSpread;

    /** The speed as a number: 0 for virtual time. */
    double speedValue(double dflt) {
        String s = speed;
        if (s == null) {
            return dflt;
        }
        if (s.equalsIgnoreCase("virtual") || s.equalsIgnoreCase("max")) {
            return 0;
        }
        try {
            double v = Double.parseDouble(s.startsWith("x") ? s.substring(1) : s);
            if (v <= 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("--speed must be positive or 'virtual': " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--speed must be a number (1 real time, 60 for x60) or 'virtual': " + s);
        }
    }

    /**
     * @param base the defaults
     * @return the spec: defaults, then the fleet file, then the flags
     * @throws IllegalArgumentException naming a bad value
     * @throws IOException when the fleet file cannot be read
     */
    FleetSpec spec(FleetSpec base) throws IOException {
        if (fleetFile != null) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(fleetFile)) {
                p.load(in);
            }
            for (String k : p.stringPropertyNames()) {
                apply(k, p.getProperty(k).trim());
            }
        }
        FleetSpec s = base;
        if (meters != null) {
            s.meters = meters;
        }
        if (pumps != null) {
            s.pumps = pumps;
        }
        if (wells != null) {
            s.wells = wells;
        }
        if (seed != null) {
            s.seed = seed;
        }
        if (loss != null) {
            s.loss = loss;
        }
        if (duplication != null) {
            s.duplication = duplication;
        }
        if (reorder != null) {
            s.reorder = reorder;
        }
        if (latency != null) {
            s.latencyMillis = latency;
        }
        if (lookahead != null) {
            s.lookaheadMillis = lookahead * 1000;
        }
        s.threads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (topUp != null) {
            s.meterTopUpMilli = topUp;
        }
        if (powerCuts != null) {
            s.powerCutsPerDay = powerCuts;
        }
        if (partitions != null) {
            s.partitionsPerDay = partitions;
        }
        if (fleetPartitions != null) {
            s.fleetPartitionsPerDay = fleetPartitions;
        }
        if (sensorFaults != null) {
            s.sensorFaultsPerDay = sensorFaults;
        }
        if (incidents != null) {
            s.incidentsPerDay = incidents;
        }
        if (reportInterval != null) {
            s.reportIntervalMillis = reportInterval * 1000;
        }
        if (meterSample != null) {
            s.meterSampleMillis = meterSample * 1000;
        }
        if (telemetryInterval != null) {
            s.meterTelemetryMillis = telemetryInterval * 1000;
        }
        if (meterReportInterval != null) {
            s.meterReportIntervalMillis = meterReportInterval * 1000;
        }
        if (meterPushReadings != null) {
            s.meterPushReadings = meterPushReadings;
        }
        if (wellScan != null) {
            s.wellSampleMillis = Math.round(wellScan * 1000);
        }
        if (wellIntegrity != null) {
            s.wellIntegrityMillis = wellIntegrity * 1000;
        }
        if (peakVehicles != null) {
            s.vehiclesPerPeakHour = peakVehicles;
        }
        if (bootSpread != null) {
            if (bootSpread < 0) {
                throw new IllegalArgumentException("--boot-spread must not be negative: " + bootSpread);
            }
            s.bootSpreadMillis = bootSpread * 1000;
        }
        s.idPrefix = idPrefix != null ? idPrefix : s.idPrefix;
        s.check();
        return s;
    }

    private void apply(String key, String v) {
        try {
            switch (key) {
                case "meters" -> meters = meters != null ? meters : Integer.valueOf(v);
                case "pumps" -> pumps = pumps != null ? pumps : Integer.valueOf(v);
                case "wells" -> wells = wells != null ? wells : Integer.valueOf(v);
                case "seed" -> seed = seed != null ? seed : Long.valueOf(v);
                case "speed" -> speed = speed != null ? speed : v;
                case "days" -> days = days != null ? days : Double.valueOf(v);
                case "loss" -> loss = loss != null ? loss : Double.valueOf(v);
                case "duplication" -> duplication = duplication != null ? duplication : Double.valueOf(v);
                case "reorder" -> reorder = reorder != null ? reorder : Double.valueOf(v);
                case "latency" -> latency = latency != null ? latency : Long.valueOf(v);
                case "lookahead" -> lookahead = lookahead != null ? lookahead : Long.valueOf(v);
                case "threads" -> threads = threads != null ? threads : Integer.valueOf(v);
                case "top-up", "topUp" -> topUp = topUp != null ? topUp : Long.valueOf(v);
                case "power-cuts", "powerCuts" -> powerCuts = powerCuts != null ? powerCuts : Double.valueOf(v);
                case "partitions" -> partitions = partitions != null ? partitions : Double.valueOf(v);
                case "fleet-partitions", "fleetPartitions" -> fleetPartitions = fleetPartitions != null ? fleetPartitions : Double.valueOf(v);
                case "sensor-faults", "sensorFaults" -> sensorFaults = sensorFaults != null ? sensorFaults : Double.valueOf(v);
                case "incidents" -> incidents = incidents != null ? incidents : Double.valueOf(v);
                case "report-interval", "reportInterval" -> reportInterval = reportInterval != null ? reportInterval : Long.valueOf(v);
                case "meter-sample", "meterSample" -> meterSample = meterSample != null ? meterSample : Long.valueOf(v);
                case "telemetry-interval", "telemetryInterval" -> telemetryInterval = telemetryInterval != null ? telemetryInterval : Long.valueOf(v);
                case "meter-report-interval", "meterReportInterval" -> meterReportInterval = meterReportInterval != null ? meterReportInterval : Long.valueOf(v);
                case "meter-push-readings", "meterPushReadings" -> meterPushReadings = meterPushReadings != null ? meterPushReadings : bool(key, v);
                case "id-prefix", "idPrefix" -> idPrefix = idPrefix != null ? idPrefix : v;
                case "well-scan", "wellScan" -> wellScan = wellScan != null ? wellScan : Double.valueOf(v);
                case "well-integrity", "wellIntegrity" -> wellIntegrity = wellIntegrity != null ? wellIntegrity : Long.valueOf(v);
                case "peak-vehicles", "peakVehicles" -> peakVehicles = peakVehicles != null ? peakVehicles : Double.valueOf(v);
                case "boot-spread", "bootSpread" -> bootSpread = bootSpread != null ? bootSpread : Long.valueOf(v);
                default -> throw new IllegalArgumentException("fleet file " + fleetFile + ": unknown key '" + key + "'");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fleet file " + fleetFile + ": " + key + " is not a number: '" + v + "'");
        }
    }

    private Boolean bool(String key, String v) {
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("fleet file " + fleetFile + ": " + key + " must be true or false: '" + v + "'");
        }
        return Boolean.valueOf(v);
    }
}
