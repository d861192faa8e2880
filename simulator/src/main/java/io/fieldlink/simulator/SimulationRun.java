package io.fieldlink.simulator;

import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.simulator.fleet.Fleet;
import io.fieldlink.simulator.fleet.FleetClock;
import io.fieldlink.simulator.fleet.FleetSpec;
import io.fieldlink.simulator.net.HostPort;
import io.fieldlink.simulator.report.FleetReport;
import io.fieldlink.simulator.report.HostApi;
import io.fieldlink.simulator.report.Reconciler;
import io.fieldlink.simulator.report.SentRecords;
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
        this.provisioner = (id, kind) -> {
            byte[] psk = api.provision(id, kind);
            if (psk == null) {
                throw new IOException("device " + id + " is already provisioned on the host and its PSK is shown only "
                        + "once: choose another --id-prefix");
            }
            return psk;
        };
    }

    /** @param p how to get a board's PSK (default: provision through the API, refusing existing ids) @return this */
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
        SentRecords sent = new SentRecords();
        FleetReport report = new FleetReport();
        try (Fleet fleet = new Fleet(spec, clock, port, mint, sent)) {
            fleet.keepStateIn(stateDir);
            progress.accept("provisioning " + spec.boards() + " boards through " + api.base());
            fleet.connect(provisioner);
            long end = durationMillis == Long.MAX_VALUE ? Long.MAX_VALUE : fleet.start() + durationMillis;
            progress.accept("running (" + (clock.virtual() ? "virtual time" : "x" + clock.speed()) + ")");
            fleet.runUntil(end, stop);
            if (drainMillis > 0) {
                int left = fleet.drain(drainMillis, () -> false);
                report.boardsNotDrained = left;
            }
            fleet.report(report);
            report.wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            if (verify) {
                progress.accept("reading back what the host stored through " + api.base());
                reconcile(fleet, sent, report);
            }
            fleet.saveState();
        }
        return report;
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
        for (Map.Entry<String, String> d : fleet.devices().entrySet()) {
            Reconciler.DeviceFindings f;
            try {
                f = reconciler.check(sent, d.getKey());
            } catch (IOException | RuntimeException e) {
                Logger.warn(e, "cannot read back {}", d.getKey());
                report.notes.put("api", "cannot read back " + d.getKey() + ": " + e.getMessage());
                continue;
            }
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
    }
}
