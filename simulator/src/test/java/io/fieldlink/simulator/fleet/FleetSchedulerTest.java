package io.fieldlink.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.simulator.net.AckingSink;
import io.fieldlink.simulator.net.HostPort;
import io.fieldlink.simulator.report.SentRecords;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The virtual-time scheduler with no host (the in-process {@link AckingSink}): whether the host
 * answers at once or only when the scheduler has nothing else left to run (every board that could
 * run on has: the most the boards can run ahead), every board sees the same run; and in the second
 * case the host gets many boards' requests at each wait, not one.
 */
class FleetSchedulerTest {
    private static final long START = 1_790_000_000_000L;
    private static final long DAY = 86_400_000L;

    private static FleetSpec spec() {
        FleetSpec s = FaultyFleets.spec(12, 4, 4, 5, "sched-", 15 * 60_000L);
        s.reportIntervalMillis = 15 * 60_000L;
        s.fleetPartitionsPerDay = 0.5;
        return s;
    }

    /** What one run looked like from the boards' side. */
    private record Outcome(long records, long uplinks, long retransmissions, long dropped, long duplicated, long cuts,
            List<Fleet.MeterMoney> money, long waits, long heldPerWait, long flash) {
    }

    private static Outcome run(boolean answerOnlyWhenWaited) throws Exception {
        return run(answerOnlyWhenWaited, true);
    }

    private static Outcome run(boolean answerOnlyWhenWaited, boolean trimFlash) throws Exception {
        FleetClock clock = new FleetClock(START, 0);
        SentRecords sent = new SentRecords();
        AckingSink sink = new AckingSink(clock::hostMillis);
        HoldingPort holding = new HoldingPort(sink);
        HostPort port = answerOnlyWhenWaited ? holding : sink;
        byte[] psk = BouncyCastleCrypto.INSTANCE.sha256(new byte[] {1});
        TokenMint mint = new TokenMint(IssuerKeyPair.fromSeed(psk));
        try (Fleet fleet = new Fleet(spec(), clock, port, mint, sent)) {
            fleet.onHostWait(holding::release);
            fleet.trimFlash(trimFlash);
            fleet.connect((id, kind) -> psk);
            fleet.runUntil(START + 2 * DAY, () -> false);
            fleet.drain(DAY, () -> false);
            io.fieldlink.simulator.report.FleetReport r = new io.fieldlink.simulator.report.FleetReport();
            fleet.report(r);
            long[] w = fleet.hostWaitCounts();
            return new Outcome(sent.records(), r.uplinks, r.retransmissions, r.datagramsDropped, r.datagramsDuplicated,
                    r.powerCuts, fleet.meterMoney(), w[0], w[0] == 0 ? 0 : w[1] / w[0], fleet.flashBytes());
        }
    }

    @Test
    void boardsSeeTheSameRunWhenTheHostAnswersOnlyAfterEveryBoardHasRunAhead() throws Exception {
        Outcome atOnce = run(false);
        Outcome held = run(true);

        assertThat(atOnce.records()).isGreaterThan(1_000);
        assertThat(atOnce.cuts()).as("power cuts happened").isGreaterThan(10);
        assertThat(atOnce.dropped()).as("datagrams were lost").isGreaterThan(0);
        assertThat(held.records()).isEqualTo(atOnce.records());
        assertThat(held.uplinks()).isEqualTo(atOnce.uplinks());
        assertThat(held.retransmissions()).isEqualTo(atOnce.retransmissions());
        assertThat(held.dropped()).isEqualTo(atOnce.dropped());
        assertThat(held.duplicated()).isEqualTo(atOnce.duplicated());
        assertThat(held.cuts()).isEqualTo(atOnce.cuts());
        assertThat(held.money()).isEqualTo(atOnce.money());
        assertThat(held.heldPerWait()).as("requests with the host per wait: boards ran ahead together")
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void forgettingAcknowledgedJournalPagesChangesNothingTheBoardsDoAndSavesTheirFlash() throws Exception {
        Outcome trimmed = run(false, true);
        Outcome kept = run(false, false);

        assertThat(trimmed.cuts()).as("power cuts happened").isGreaterThan(10);
        assertThat(trimmed.records()).isEqualTo(kept.records());
        assertThat(trimmed.uplinks()).isEqualTo(kept.uplinks());
        assertThat(trimmed.retransmissions()).isEqualTo(kept.retransmissions());
        assertThat(trimmed.money()).isEqualTo(kept.money());
        assertThat(trimmed.flash()).as("flash held with trimming vs without").isLessThan(kept.flash() / 2);
    }

    /** Keeps the fleet's requests until the scheduler waits for the host, then hands them all over. */
    private static final class HoldingPort implements HostPort {
        private final HostPort inner;
        private final List<Runnable> held = new ArrayList<>();

        HoldingPort(HostPort inner) {
            this.inner = inner;
        }

        void release() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public Connection connect(String deviceId, byte[] psk, Inbound inbound) throws java.io.IOException {
            Connection c = inner.connect(deviceId, psk, inbound);
            return new Connection() {
                @Override
                public void send(byte[] datagram) {
                    held.add(() -> c.send(datagram));
                }

                @Override
                public void close() {
                    c.close();
                }
            };
        }

        @Override
        public String describe() {
            return "holding";
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
