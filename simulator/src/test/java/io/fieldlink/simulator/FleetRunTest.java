package io.fieldlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostServer;
import io.fieldlink.simulator.fleet.FleetClock;
import io.fieldlink.simulator.fleet.FleetSpec;
import io.fieldlink.simulator.net.InProcessHost;
import io.fieldlink.simulator.report.FleetReport;
import io.fieldlink.simulator.report.HostApi;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs fleets of real firmware against the real host (in-process CoAP endpoint, MapDB on disk) in
 * virtual time, with network loss, duplication, reordering, partitions and power cuts mid-write, and
 * checks the end report read back through the host's HTTP API.
 */
class FleetRunTest {
    static final long DAY = 86_400_000L;
    static final long START = 1_790_000_000_000L; // 2026-09-21, a fixed start so runs repeat

    @TempDir
    Path dir;

    static FleetSpec ciSpec(int each, long seed) {
        FleetSpec s = new FleetSpec();
        s.meters = each;
        s.pumps = each;
        s.wells = each;
        s.seed = seed;
        s.idPrefix = "ci-";
        s.bootSpreadMillis = 0;
        // Known firmware gap: a pump that sells before its first hello answer stamps the sale with its
        // uptime (1970), which the host's retention then drops. Attendants wait for the clock here.
        s.serveBeforeClockKnown = false;
        s.reportIntervalMillis = 30 * 60_000L;
        // Wells scanned every 5 minutes: at 30 s their noise crosses the deadbands on most scans and
        // 20 wells send ~250k records a day, which is a load test, not a CI fault run.
        s.wellSampleMillis = 5 * 60_000L;
        s.meterTelemetryMillis = 60 * 60_000L;
        s.loss = 0.03;
        s.duplication = 0.03;
        s.reorder = 0.02;
        s.powerCutsPerDay = 0.3;
        s.partitionsPerDay = 0.1;
        s.fleetPartitionsPerDay = 0.2;
        s.sensorFaultsPerDay = 0.1;
        s.incidentsPerDay = 0.1;
        return s;
    }

    static FleetReport run(Path data, FleetSpec spec, long millis) throws Exception {
        FleetClock clock = new FleetClock(START, 0);
        try (HostServer host = HostServer.builder().dataDir(data).bindAddress("127.0.0.1").httpPort(0).coapsPort(0)
                .clock(new FleetTimeSource(clock)).build().start();
                InProcessHost port = new InProcessHost(host)) {
            HostApi api = new HostApi(URI.create("http://127.0.0.1:" + host.httpPort()), host.operatorKey());
            return new SimulationRun(spec, clock, port, api, Issuer.forSeed(spec.seed)).run(millis, DAY, () -> false);
        }
    }

    @Test
    void twoDaysOfTwentyBoardsOfEachKindWithFaultsLoseNothingDoubleNothingAndTheMoneyAddsUp() throws Exception {
        FleetReport r = run(dir.resolve("host"), ciSpec(20, 7), 2 * DAY);
        System.out.print(r.text());

        assertThat(r.devices).isEqualTo(60);
        assertThat(r.recordsSent).as("records sent").isGreaterThan(3_000);
        assertThat(r.recordsLost).as("records lost").isZero();
        assertThat(r.duplicatesStored).as("duplicates stored").isZero();
        assertThat(r.moneyMismatches).as("money mismatches").isZero();
        assertThat(r.metersChecked).isEqualTo(20);
        assertThat(r.boardsNotDrained).isZero();
        assertThat(r.notes).isEmpty();
        assertThat(r.payloadsRefused).as("up payloads the host refused: " + r.refusedReasons).isZero();
        assertThat(r.powerCuts).as("power cuts happened").isGreaterThan(5);
        assertThat(r.retransmissions).as("loss made boards retransmit").isGreaterThan(0);
        assertThat(r.datagramsDuplicated).isGreaterThan(0);
        assertThat(r.tokenVerdicts).containsKeys("credit/ok", "booking/ok");
        assertThat(r.sales).isGreaterThan(100);
    }
}
