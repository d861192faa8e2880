package io.fieldlink.simulator;

import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.simulator.fleet.Fleet;
import io.fieldlink.simulator.fleet.FleetClock;
import io.fieldlink.simulator.fleet.FleetSpec;
import io.fieldlink.simulator.fleet.PumpBookings;
import io.fieldlink.simulator.fleet.StationLog;
import io.fieldlink.simulator.net.HostPort;
import io.fieldlink.simulator.report.FleetReport;
import io.fieldlink.simulator.report.HostApi;
import io.fieldlink.simulator.report.Reconciler;
import io.fieldlink.simulator.report.SentRecords;
import io.fieldlink.simulator.report.StationCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * One simulator run from start to report: create the fleet, provision its boards through the host
 * API, run for the given fleet time (or until stopped), drain, then check through the API what the
 * host stored against what the boards sent, and the meters' money on both sides.
 */
public final class SimulationRun {
    private final FleetSpec spec;
    private final FleetClock clock;
    private final HostPort port;
    private final HostApi api;
    private final TokenMint mint;
    private Fleet.Provisioner provisioner;
    private Path stateDir;
    private Consumer<String> progress = s -> { };
    private boolean verify = true;
    private Runnable runStarts = () -> { };
    private Runnable runEnds = () -> { };

    /**
     * @param api the host's API (provisioning and the read-back)
     * @param mint the token issuer the boards trust
     */
    public SimulationRun(FleetSpec spec, FleetClock clock, HostPort port, HostApi api, TokenMint mint) {
        this.spec = spec;
        this.clock = clock;
        this.port = port;
        this.api = api;
        this.mint = mint;
        this.provisioner = new Fleet.Provisioner() {
            @Override
            public byte[] psk(String id, String kind) throws IOException {
                return psks(Map.of(id, kind)).get(id);
            }

            @Override
            public Map<String, byte[]> psks(Map<String, String> kinds) throws IOException {
                try {
                    return api.provisionAll(kinds);
                } catch (HostApi.AlreadyProvisionedException e) {
                    throw new IOException(e.getMessage() + " (a device's PSK is shown only once: choose another --id-prefix)", e);
                }
            }
        };
    }

    /**
     * @param p how to get the boards' PSKs (default: provision through the API's batches, refusing existing ids)
     * @return this
     */
    public SimulationRun provisioner(Fleet.Provisioner p) {
        this.provisioner = p;
        return this;
    }

    /** @param dir where the boards' storage is kept between runs (demo), or null @return this */
    public SimulationRun stateDir(Path dir) {
        this.stateDir = dir;
        return this;
    }

    /** @param v false skips the read-back through the API (a demo stopped with Ctrl-C) @return this */
    public SimulationRun verify(boolean v) {
        this.verify = v;
        return this;
    }

    /**
     * @param starts run when the fleet starts running (after provisioning)
     * @param ends run when the run and the drain are over (before the read-back)
     * @return this
     */
    public SimulationRun runWindow(Runnable starts, Runnable ends) {
        this.runStarts = starts;
        this.runEnds = ends;
        return this;
    }

    /** @param p receives progress lines @return this */
    public SimulationRun progress(Consumer<String> p) {
        this.progress = p;
        return this;
    }

    /**
     * Runs for {@code durationMillis} of fleet time (Long.MAX_VALUE: until stopped), drains, and
     * reports.
     *
     * @param stop polled between events: true ends the run early (the drain still happens when
     *     {@code drainMillis} is positive)
     * @throws IOException when provisioning or the API fails
     * @throws InterruptedException when interrupted
     */
    public FleetReport run(long durationMillis, long drainMillis, BooleanSupplier stop)
            throws IOException, InterruptedException {
        long wallStart = System.nanoTime();
        // without the read-back nothing needs what was sent, record by record (it grows with the run)
        SentRecords sent = verify ? new SentRecords() : null;
        FleetReport report = new FleetReport();
        PumpBookings bookings = spec.pumps > 0 ? hostBookings() : null;
        try (Fleet fleet = new Fleet(spec, clock, port, mint, sent, bookings, bookings == null ? null : bookings.issuerKeys())) {
            fleet.keepStateIn(stateDir);
            if (!clock.virtual()) {
                fleet.progressEvery(30, progress);
            }
            progress.accept("provisioning " + spec.boards() + " boards through " + api.base());
            long provisionStart = System.nanoTime();
            fleet.connect(provisioner);
            for (StationLog s : fleet.stations()) {
                api.assignPump(s.station, s.device);
            }
            progress.accept(String.format(java.util.Locale.ROOT, "provisioned and connected in %.1f s",
                    (System.nanoTime() - provisionStart) / 1e9));
            long runStart = System.nanoTime();
            ThreadCpu cpu = new ThreadCpu();
            runStarts.run();
            long end = durationMillis == Long.MAX_VALUE ? Long.MAX_VALUE : fleet.start() + durationMillis;
            progress.accept("running (" + (clock.virtual() ? "virtual time" : "x" + clock.speed()) + ")");
            fleet.runUntil(end, stop);
            if (drainMillis > 0) {
                int left = fleet.drain(drainMillis, () -> false);
                report.boardsNotDrained = left;
            }
            progress.accept(String.format(java.util.Locale.ROOT, "run and drain took %.1f s", (System.nanoTime() - runStart) / 1e9));
            runEnds.run();
            progress.accept(cpu.line());
            fleet.report(report);
            if (sent != null) {
                report.recordsSent = sent.records();
            }
            report.wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            if (verify) {
                progress.accept("reading back what the host stored through " + api.base());
                long readStart = System.nanoTime();
                reconcile(fleet, sent, report);
                progress.accept(String.format(java.util.Locale.ROOT, "read back %d devices in %.1f s", spec.boards(),
                        (System.nanoTime() - readStart) / 1e9));
            }
            fleet.saveState();
        }
        return report;
    }

    /** Threads reading back through the API at once. */
    private static final int READERS = 8;
    /** The pump stations book through the host's API; the pumps trust the host's issuer keys. */
    private PumpBookings hostBookings() {
        return new PumpBookings() {
            @Override
            public Made book(String station, long slotStart, long slotEnd, long grams) throws IOException {
                HostApi.Booking b = api.book(station, slotStart, slotEnd, grams);
                return new Made(b.id(), b.token());
            }

            @Override
            public String issuerKeys() throws IOException {
                return api.issuerKeysConfig();
            }
        };
    }

    private void reconcile(Fleet fleet, SentRecords sent, FleetReport report) {
        Reconciler reconciler = new Reconciler(api);
        Map<String, Fleet.MeterMoney> money = new java.util.HashMap<>();
        for (Fleet.MeterMoney m : fleet.meterMoney()) {
            money.put(m.id(), m);
        }
        report.recordsSent = sent.records();
        report.seqConflicts = sent.seqConflicts();
        report.payloadsRefused = sent.malformed();
        report.refusedReasons.putAll(sent.refusedReasons());
        Map<String, Reconciler.DeviceFindings> findings = new java.util.HashMap<>();
        // devices are read back on a few threads (each request waits on the host's HTTP), tallied in fleet order
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(READERS);
        Map<String, java.util.concurrent.Future<Reconciler.DeviceFindings>> pending = new java.util.LinkedHashMap<>();
        for (String id : fleet.devices().keySet()) {
            pending.put(id, readers.submit(() -> reconciler.check(sent, id)));
        }
        readers.shutdown();
        for (Map.Entry<String, java.util.concurrent.Future<Reconciler.DeviceFindings>> d : pending.entrySet()) {
            Reconciler.DeviceFindings f;
            try {
                f = d.getValue().get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                Logger.warn(cause, "cannot read back {}", d.getKey());
                report.notes.put("api", "cannot read back " + d.getKey() + ": " + cause.getMessage());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                readers.shutdownNow();
                report.notes.put("api", "read-back interrupted");
                return;
            }
            findings.put(d.getKey(), f);
            report.recordsLost += f.lost();
            report.recordsStored += f.stored();
            report.duplicatesStored += f.extra();
            report.sales += f.sales();
            report.shutIns += f.shutIns();
            f.verdicts().forEach((k, v) -> report.tokenVerdicts.merge(k, v, Long::sum));
            Fleet.MeterMoney m = money.get(d.getKey());
            if (m != null) {
                report.metersChecked++;
                boolean device = m.running() && m.balanced();
                boolean host = f.creditAccepted() == m.creditIn() && f.lastBalance() != null
                        && f.lastBalance().longValue() == m.balance();
                if (!device || !host) {
                    report.moneyMismatches++;
                    Logger.warn("money mismatch on {}: device running={} balanced={} credit={} charges={} balance={}; "
                            + "host credit={} last balance={}", m.id(), m.running(), m.balanced(), m.creditIn(), m.charges(),
                            m.balance(), f.creditAccepted(), f.lastBalance());
                }
            }
        }
        checkStations(fleet, findings, report);
    }

    /** The pump stations' books on the host against the customers' bookings and the pumps' events. */
    private void checkStations(Fleet fleet, Map<String, Reconciler.DeviceFindings> findings, FleetReport report) {
        StationCheck check = new StationCheck(api);
        for (StationLog s : fleet.stations()) {
            Reconciler.DeviceFindings f = findings.get(s.device);
            if (f == null) {
                continue; // its read-back failed: noted above
            }
            StationCheck.Findings c;
            try {
                c = check.check(s, f.sales(), f.verdicts().getOrDefault("booking/ok", 0L), fleet.start() - 86_400_000L,
                        clock.millis() + 86_400_000L);
            } catch (IOException | RuntimeException e) {
                Logger.warn(e, "cannot read back station {}", s.station);
                report.notes.put("api", "cannot read back station " + s.station + ": " + e.getMessage());
                continue;
            }
            report.bookingsMade += c.booked();
            report.bookingsUsed += c.used();
            report.bookingsAcceptedUnsold += c.acceptedUnsold();
            report.noShows += c.noShows();
            report.walkIns += c.walkIns();
            report.stationRevenue += c.revenue();
            report.bookingMismatches += c.mismatches().size();
            for (String m : c.mismatches()) {
                Logger.warn("station {} ({}): {}", s.station, s.device, m);
            }
        }
    }
}
