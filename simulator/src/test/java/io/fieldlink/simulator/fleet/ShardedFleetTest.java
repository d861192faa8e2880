package io.fieldlink.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.simulator.net.AckingSink;
import io.fieldlink.simulator.net.HostPort;
import io.fieldlink.simulator.report.FleetReport;
import io.fieldlink.simulator.report.SentRecords;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The boards split over several scheduler threads (shards) in virtual time see exactly the run they
 * see on one: for a seed, every board sends and receives the same datagrams (a SHA-256 per board over
 * every datagram it handed to the host and every one the host answered it), the network drops and
 * duplicates the same ones, the meters hold the same money, whether the host answers at once on the
 * shard's own thread or later on a thread of its own.
 */
class ShardedFleetTest {
    private static final long START = 1_790_000_000_000L;
    private static final long DAY = 86_400_000L;

    private static FleetSpec spec(int threads) {
        FleetSpec s = FaultyFleets.spec(14, 5, 5, 21, "shard-", 10 * 60_000L);
        s.fleetPartitionsPerDay = 1;
        s.sensorFaultsPerDay = 0.5;
        s.incidentsPerDay = 0.5;
        s.threads = threads;
        return s;
    }

    /** What one run looked like from the boards' side. */
    private record Outcome(int threads, Map<String, String> digests, long records, long uplinks, long hellos,
            long retransmissions, long dropped, long duplicated, long cuts, long boots, List<Fleet.MeterMoney> money,
            long flash) {
    }

    private static Outcome run(int threads, boolean hostOnItsOwnThread) throws Exception {
        FleetClock clock = new FleetClock(START, 0);
        SentRecords sent = new SentRecords();
        DigestPort port = new DigestPort(new AckingSink(clock::hostMillis), hostOnItsOwnThread);
        byte[] psk = BouncyCastleCrypto.INSTANCE.sha256(new byte[] {7});
        TokenMint mint = new TokenMint(IssuerKeyPair.fromSeed(psk));
        try (port; Fleet fleet = new Fleet(spec(threads), clock, port, mint, sent)) {
            fleet.connect((id, kind) -> psk);
            fleet.runUntil(START + DAY / 2, () -> false);
            fleet.runUntil(START + 2 * DAY, () -> false);
            fleet.drain(DAY, () -> false);
            FleetReport r = new FleetReport();
            fleet.report(r);
            return new Outcome(fleet.threads(), port.digests(), sent.records(), r.uplinks, r.hellos, r.retransmissions,
                    r.datagramsDropped, r.datagramsDuplicated, r.powerCuts, r.boots, fleet.meterMoney(), fleet.flashBytes());
        }
    }

    @Test
    void everyBoardSeesTheSameRunOnOneThreadOrOnSeveral() throws Exception {
        Outcome one = run(1, false);
        Outcome three = run(3, false);
        Outcome seven = run(7, false);

        assertThat(three.threads()).isEqualTo(3);
        assertThat(seven.threads()).isEqualTo(7);
        assertThat(one.digests()).hasSize(24);
        assertThat(one.records()).isGreaterThan(1_000);
        assertThat(one.cuts()).as("power cuts happened").isGreaterThan(10);
        assertThat(one.dropped()).as("datagrams were lost").isGreaterThan(0);
        assertThat(one.duplicated()).as("datagrams were duplicated").isGreaterThan(0);
        assertThat(one.hellos()).as("reboots said hello again").isGreaterThan(24);
        for (Outcome o : List.of(three, seven)) {
            assertThat(o.digests()).as("%d threads: every board's datagrams", o.threads()).isEqualTo(one.digests());
            assertThat(o).as("%d threads", o.threads()).usingRecursiveComparison().ignoringFields("threads")
                    .isEqualTo(one);
        }
    }

    @Test
    void aHostAnsweringOnItsOwnThreadChangesNothingTheShardedBoardsSee() throws Exception {
        Outcome atOnce = run(3, false);
        Outcome later = run(3, true);

        assertThat(later.digests()).isEqualTo(atOnce.digests());
        assertThat(later).usingRecursiveComparison().isEqualTo(atOnce);
    }

    @Test
    void pacedTimeRunsOnOneSchedulerThreadAndVirtualTimeOnNoMoreThreadsThanBoards() throws Exception {
        AckingSink sink = new AckingSink(() -> START);
        TokenMint mint = new TokenMint(IssuerKeyPair.fromSeed(new byte[32]));
        try (Fleet paced = new Fleet(spec(4), new FleetClock(START, 1), sink, mint, null)) {
            assertThat(paced.threads()).isEqualTo(1);
        }
        FleetSpec few = spec(64);
        try (Fleet virtual = new Fleet(few, new FleetClock(START, 0), sink, mint, null)) {
            assertThat(virtual.threads()).isEqualTo(few.boards());
        }
    }

    @Test
    void aThreadCountOutsideOneTo256IsRefusedByName() {
        FleetSpec s = spec(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(s::check).hasMessageContaining("threads must be 1 to 256: 0");
        s.threads = 257;
        org.assertj.core.api.Assertions.assertThatThrownBy(s::check).hasMessageContaining("threads");
    }

    /**
     * Digests every datagram per device, both ways, in the order the device sent and was answered;
     * optionally hands each to the host on a thread of the host's own (so answers come whenever).
     */
    private static final class DigestPort implements HostPort {
        private final HostPort inner;
        private final ExecutorService hostThread;
        private final Map<String, MessageDigest> digests = new ConcurrentHashMap<>();

        DigestPort(HostPort inner, boolean hostOnItsOwnThread) {
            this.inner = inner;
            this.hostThread = hostOnItsOwnThread ? Executors.newSingleThreadExecutor() : null;
        }

        private void note(String device, char way, byte[] datagram) {
            MessageDigest d = digests.computeIfAbsent(device, k -> sha256());
            synchronized (d) {
                d.update((byte) way);
                d.update(datagram);
            }
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Map<String, String> digests() {
            Map<String, String> out = new TreeMap<>();
            digests.forEach((k, d) -> {
                synchronized (d) {
                    out.put(k, HexFormat.of().formatHex(d.digest()));
                }
            });
            return out;
        }

        @Override
        public Connection connect(String deviceId, byte[] psk, Inbound inbound) throws java.io.IOException {
            Connection c = inner.connect(deviceId, psk, datagram -> {
                note(deviceId, '<', datagram);
                inbound.datagram(datagram);
            });
            return new Connection() {
                @Override
                public void send(byte[] datagram) {
                    note(deviceId, '>', datagram);
                    if (hostThread == null) {
                        c.send(datagram);
                    } else {
                        hostThread.execute(() -> c.send(datagram));
                    }
                }

                @Override
                public void close() {
                    c.close();
                }
            };
        }

        @Override
        public String describe() {
            return "digesting";
        }

        @Override
        public void close() {
            if (hostThread != null) {
                hostThread.shutdownNow();
            }
            inner.close();
        }
    }
}
