package io.fieldlink.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.protocol.coap.CoapDecoder;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.simulator.net.AckingSink;
import io.fieldlink.simulator.net.HostPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * Paced time (here real time, x1) on a fake real clock, so nothing sleeps and nothing depends on how
 * fast the machine is: a host that answers one board late, or never, must not hold up any other board.
 * Every other board's requests then reach the host at exactly the same (fake) real instants as when
 * the host answers everyone at once, and their events run on time; the slow board waits alone, gets
 * its late answers when they come, and runs on.
 */
class PacedFleetTest {
    private static final long START = 1_790_000_000_000L;
    private static final String SLOW = "paced-meter-00002";
    private static final long NEVER = Long.MAX_VALUE;

    private static FleetSpec spec() {
        FleetSpec s = new FleetSpec();
        s.meters = 6;
        s.seed = 9;
        s.idPrefix = "paced-";
        s.bootSpreadMillis = 3_000L;
        s.reportIntervalMillis = 10_000L;
        s.meterSampleMillis = 10_000L;
        s.meterTelemetryMillis = 10_000L;
        s.latencyMillis = 40;
        return s;
    }

    /** What the host saw and how late the fleet ran. */
    private record Outcome(Map<String, List<String>> requests, Lateness.Window lateness, Lateness.Window heldLateness,
            long gaveUp) {
    }

    /**
     * Runs 90 s of real time on the fake clock.
     *
     * @param slowAnswerMillis how late (real ms) the host answers {@link #SLOW}; 0 at once, NEVER never
     */
    private static Outcome run(long slowAnswerMillis) throws Exception {
        long[] nanos = {1_000_000_000L};
        FleetClock clock = new FleetClock(START, 1, () -> nanos[0]);
        SlowHost host = new SlowHost(new AckingSink(clock::hostMillis), () -> nanos[0], slowAnswerMillis);
        byte[] psk = BouncyCastleCrypto.INSTANCE.sha256(new byte[] {2});
        TokenMint mint = new TokenMint(IssuerKeyPair.fromSeed(psk));
        try (Fleet fleet = new Fleet(spec(), clock, host, mint, null)) {
            fleet.pause((inbox, wait) -> {
                nanos[0] += wait; // the real clock moves on while the scheduler waits
                host.answerDue();
                return inbox.poll();
            });
            fleet.connect((id, kind) -> psk);
            fleet.runUntil(START + 90_000L, () -> false);
            io.fieldlink.simulator.report.FleetReport r = new io.fieldlink.simulator.report.FleetReport();
            fleet.report(r);
            return new Outcome(host.requests, fleet.lateness(), fleet.heldLateness(), r.hostTimeouts);
        }
    }

    @Test
    void aBoardAnsweredLateWaitsAloneAndGetsItsAnswersWhenTheyCome() throws Exception {
        Outcome atOnce = run(0);
        Outcome late = run(1_500);

        assertThat(atOnce.lateness().maxMillis()).as("every event on time when the host answers at once").isZero();
        assertThat(atOnce.lateness().events()).isGreaterThan(100);
        assertThat(atOnce.requests().get("paced-meter-00001")).as("a board's exchanges").hasSizeGreaterThan(8);
        assertThat(others(late)).as("the other boards' requests reach the host at the same real instants")
                .isEqualTo(others(atOnce));
        List<String> slow = late.requests().get(SLOW);
        assertThat(slow.get(0)).startsWith("hello at ");
        assertThat(slow).as("the late hello answer set the slow board's clock: it reports")
                .anyMatch(r -> r.startsWith("up at "));
        assertThat(gapAfterFirst(slow)).as("its next request only after its late answer came").isGreaterThanOrEqualTo(1_500);
        assertThat(late.gaveUp()).as("answers within the give-up time are waited for").isZero();
        assertThat(late.lateness().maxMillis()).as("the events not held back ran on time").isZero();
        assertThat(late.heldLateness().maxMillis()).as("the slow board's own held-back events ran late").isPositive();
    }

    @Test
    void aBoardNeverAnsweredHoldsUpNoOtherBoard() throws Exception {
        Outcome atOnce = run(0);
        Outcome never = run(NEVER);

        assertThat(others(never)).as("the other boards' requests reach the host at the same real instants")
                .isEqualTo(others(atOnce));
        assertThat(never.gaveUp()).as("the slow board's requests were given up").isPositive();
        assertThat(never.lateness().maxMillis()).as("the events not held back ran on time").isZero();
        assertThat(never.requests().get(SLOW)).as("the slow board tried again: it was not stopped for good")
                .hasSizeGreaterThan(3).allMatch(r -> r.startsWith("hello at "));
    }

    private static Map<String, List<String>> others(Outcome o) {
        Map<String, List<String>> m = new LinkedHashMap<>(o.requests());
        m.remove(SLOW);
        assertThat(m).hasSize(5);
        return m;
    }

    /** @return real ms between the slow board's first request and its second */
    private static long gapAfterFirst(List<String> requests) {
        return at(requests.get(1)) - at(requests.get(0));
    }

    private static long at(String request) {
        return Long.parseLong(request.substring(request.indexOf(" at ") + 4, request.length() - 3));
    }

    /**
     * The host: a sink that answers every board at once except {@link #SLOW}, answered {@code delay}
     * ms of (fake) real time later or never. Notes every request with the real time it arrived.
     */
    private static final class SlowHost implements HostPort {
        private final AckingSink inner;
        private final java.util.function.LongSupplier nanos;
        private final long delayMillis;
        private final Map<String, List<String>> requests = new java.util.TreeMap<>();
        private final PriorityQueue<long[]> due = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        private final List<Runnable> answers = new ArrayList<>();

        SlowHost(AckingSink inner, java.util.function.LongSupplier nanos, long delayMillis) {
            this.inner = inner;
            this.nanos = nanos;
            this.delayMillis = delayMillis;
        }

        /** Gives the answers due by now. */
        void answerDue() {
            while (!due.isEmpty() && due.peek()[0] <= nanos.getAsLong()) {
                answers.get((int) due.poll()[1]).run();
            }
        }

        @Override
        public Connection connect(String deviceId, byte[] psk, Inbound inbound) throws java.io.IOException {
            Connection c = inner.connect(deviceId, psk, inbound);
            return new Connection() {
                @Override
                public void send(byte[] datagram) {
                    CoapMessage m = CoapDecoder.decode(datagram);
                    requests.computeIfAbsent(deviceId, k -> new ArrayList<>())
                            .add(m.uriPath() + " at " + nanos.getAsLong() / 1_000_000L + " ms");
                    if (!deviceId.equals(SLOW) || delayMillis == 0) {
                        c.send(datagram);
                    } else if (delayMillis != NEVER) {
                        answers.add(() -> c.send(datagram));
                        due.add(new long[] {nanos.getAsLong() + delayMillis * 1_000_000L, answers.size() - 1});
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
            return "slow for " + SLOW;
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
