package io.fieldlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostServer;
import io.fieldlink.host.registry.Device;
import io.fieldlink.simulator.fleet.Fleet;
import io.fieldlink.simulator.fleet.FleetClock;
import io.fieldlink.simulator.fleet.FleetSpec;
import io.fieldlink.simulator.net.DtlsHost;
import io.fieldlink.simulator.report.HostApi;
import io.fieldlink.simulator.report.SentRecords;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few dozen boards (meters, pumps and wells: the real firmware) over the shared DTLS path
 * ({@link DtlsHost}: one socket and session per board, one hub thread and one pool for all) to a
 * real host on loopback: every board gets through; a board with a wrong key fails its handshake and
 * nothing of it reaches the host, while the others carry on; after the host restarts (every DTLS
 * session forgotten) every board re-handshakes and reports to the new host. The fleet runs paced at
 * x20 with the host on the fleet's clock; waits poll a condition against a real-time deadline.
 */
class DtlsFleetTest {
    static final long MINUTE = 60_000L;

    @TempDir
    Path dir;

    static FleetSpec spec() {
        FleetSpec s = new FleetSpec();
        s.meters = 20;
        s.pumps = 6;
        s.wells = 6;
        s.seed = 11;
        s.idPrefix = "dt-";
        // boot together and report together: while the restarted host does not answer, the fleet
        // waits for unanswered requests in rounds (2 s each), so boards that fail together recover
        // in the same rounds
        s.bootSpreadMillis = 0;
        s.latencyMillis = 300;
        s.reportIntervalMillis = MINUTE;
        s.meterSampleMillis = MINUTE;
        s.meterTelemetryMillis = MINUTE;
        s.wellSampleMillis = MINUTE;
        s.serveBeforeClockKnown = false;
        return s;
    }

    @Test
    void boardsReachTheHostAWrongKeyFailsAloneAndEveryBoardIsBackAfterAHostRestart() throws Exception {
        FleetSpec spec = spec();
        FleetClock clock = new FleetClock(System.currentTimeMillis(), 20);
        Path data = dir.resolve("host");
        HostServer host = startHost(data, clock, 0);
        int coaps = host.coapsPort();
        // one flight retransmission: the intruder's handshake fails after 2 + 4 s instead of ~62 s; boards
        // re-handshake after 2 s of silence (30 s by default: at x20 that would be 10 fleet minutes)
        try (DtlsHost port = new DtlsHost(new InetSocketAddress("127.0.0.1", coaps), 2, 1, 2_000L)) {
            HostApi api = new HostApi(URI.create("http://127.0.0.1:" + host.httpPort()), host.operatorKey());
            try (Fleet fleet = new Fleet(spec, clock, port, Issuer.forSeed(spec.seed), new SentRecords())) {
                List<String> ids = new ArrayList<>(fleet.devices().keySet());
                assertThat(ids).hasSize(32);

                // the intruder: provisioned, but its key is not the one the host holds
                byte[] wrong = api.provision("dt-intruder", "meter");
                wrong[0] ^= 0x5a;
                AtomicInteger intruderHeard = new AtomicInteger();
                var intruder = port.connect("dt-intruder", wrong, d -> intruderHeard.incrementAndGet());
                intruder.send(coapHello());

                fleet.connect(new Fleet.Provisioner() {
                    @Override
                    public byte[] psk(String id, String kind) throws IOException {
                        return api.provision(id, kind);
                    }

                    @Override
                    public Map<String, byte[]> psks(Map<String, String> all) throws IOException {
                        return api.provisionAll(all); // one POST /api/devices/batch
                    }
                });
                HostServer first = host;
                runUntil(fleet, clock, 60 * MINUTE, () -> allSeen(first, ids, 0) && port.handshakeFailures("dt-intruder") > 0);

                assertThat(unseen(host, ids, 0)).as("boards the first host never heard from").isEmpty();
                assertThat(port.handshakeFailures("dt-intruder")).as("the intruder's handshake failed").isPositive();
                assertThat(port.established("dt-intruder")).isFalse();
                assertThat(intruderHeard).as("datagrams the intruder got").hasValue(0);
                assertThat(host.registry().find("dt-intruder").map(Device::lastSeen)).as("intruder seen by the host").hasValue(0L);
                for (String id : ids) {
                    assertThat(port.established(id)).as(id + " has a session").isTrue();
                }
                DtlsHost.Stats before = port.stats();
                assertThat(before.handshakes()).as("a handshake per board").isGreaterThanOrEqualTo(ids.size());
                assertThat(before.handshakeFailures()).as("failed handshakes other than the intruder's")
                        .isEqualTo(port.handshakeFailures("dt-intruder"));

                // the host restarts on the same data and port: every session it held is gone
                host.close();
                long restartedAt = clock.millis();
                host = startHost(data, clock, coaps);
                HostServer second = host;
                runUntil(fleet, clock, 60 * MINUTE, () -> allSeen(second, ids, restartedAt));

                assertThat(unseen(host, ids, restartedAt)).as("boards the restarted host never heard from").isEmpty();
                DtlsHost.Stats after = port.stats();
                assertThat(after.resumptionsForced()).as("boards re-handshook after unanswered datagrams")
                        .isGreaterThanOrEqualTo(ids.size());
                assertThat(after.handshakes()).as("a new handshake per board")
                        .isGreaterThanOrEqualTo(before.handshakes() + ids.size());
                assertThat(intruderHeard).hasValue(0);
                intruder.close();
            }
        } finally {
            host.close();
        }
    }

    private static HostServer startHost(Path data, FleetClock clock, int coapsPort) {
        return HostServer.builder().dataDir(data).bindAddress("127.0.0.1").httpPort(0).coapsPort(coapsPort)
                .clock(new FleetTimeSource(clock)).build().start();
    }

    /**
     * Runs the fleet until {@code done} (asked at most every 100 ms of real time: it reads the host's
     * registry) or until {@code maxMillis} of fleet time passed.
     */
    private static void runUntil(Fleet fleet, FleetClock clock, long maxMillis, BooleanSupplier done)
            throws InterruptedException {
        long[] asked = {System.nanoTime()};
        fleet.runUntil(clock.millis() + maxMillis, () -> {
            long now = System.nanoTime();
            if (now - asked[0] < 100_000_000L) {
                return false;
            }
            asked[0] = now;
            return done.getAsBoolean();
        });
    }

    private static boolean allSeen(HostServer host, List<String> ids, long since) {
        return unseen(host, ids, since).isEmpty();
    }

    /** @return the boards whose last accepted message the host holds from before {@code since} */
    private static List<String> unseen(HostServer host, List<String> ids, long since) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            long seen = host.registry().find(id).map(Device::lastSeen).orElse(0L);
            if (seen == 0 || seen <= since) {
                out.add(id);
            }
        }
        return out;
    }

    /** A CoAP CON POST to {@code hello} (no payload): what a board sends first. */
    private static byte[] coapHello() {
        byte[] path = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] m = new byte[5 + path.length];
        m[0] = 0x40; // version 1, CON, no token
        m[1] = 0x02; // POST
        m[2] = 0x12;
        m[3] = 0x34;
        m[4] = (byte) (0xB0 | path.length); // Uri-Path (11)
        System.arraycopy(path, 0, m, 5, path.length);
        return m;
    }
}
