package io.fieldlink.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.simulator.net.AckingSink;
import io.fieldlink.simulator.report.FleetReport;
import org.junit.jupiter.api.Test;

/**
 * The fleet's boards borrow their exchanges' memory from the scheduler thread's one pool: between
 * events the pool has lent exactly the wire bytes of the exchanges in flight on running boards, so
 * neither a board cut off mid-exchange by a power loss nor a finished exchange keeps any.
 */
class SharedBuffersTest {
    private static final long START = 1_790_000_000_000L;

    @Test
    void thePoolLendsOnlyWhatExchangesInFlightHoldThroughPowerCuts() throws Exception {
        FleetSpec s = new FleetSpec();
        s.meters = 6;
        s.pumps = 3;
        s.wells = 3;
        s.seed = 9;
        s.idPrefix = "pool-";
        s.bootSpreadMillis = 60_000L;
        s.latencyMillis = 400;
        s.loss = 0.1;
        s.powerCutsPerDay = 24;
        FleetClock clock = new FleetClock(START, 0);
        TokenMint mint = new TokenMint(IssuerKeyPair.fromSeed(BouncyCastleCrypto.INSTANCE.sha256(new byte[] {9})));
        try (Fleet fleet = new Fleet(s, clock, new AckingSink(clock::hostMillis), mint, null)) {
            fleet.connect((id, kind) -> new byte[16]);
            int mostLent = 0;
            for (long t = START + 60_000; t <= START + 6 * 3_600_000L; t += 97_000) {
                fleet.runUntil(t, () -> false);
                assertThat(fleet.buffers.lent()).as("at %d", t).isEqualTo(fleet.exchangesInFlight());
                mostLent = Math.max(mostLent, fleet.buffers.lent());
            }
            FleetReport r = new FleetReport();
            fleet.report(r);
            assertThat(r.powerCuts).as("the run has power cuts").isGreaterThan(5);
            assertThat(mostLent).as("exchanges were in flight at some stops").isPositive();
            assertThat(fleet.buffers.pooled()).as("a handful of buffers for the whole fleet").isLessThan(40);
        }
    }
}
