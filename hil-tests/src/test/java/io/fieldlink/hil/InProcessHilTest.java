package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.hil.rig.InProcessRig;
import io.fieldlink.hil.rig.Poll;
import io.fieldlink.hil.rig.Rig;
import io.fieldlink.hil.rig.RigSpec;
import io.fieldlink.host.ingest.Reading;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HIL suite on the in-process rig: the firmware core on the simulated HAL, real DTLS to the real host.
 * Plus the scenario only this rig can run: a week offline, which needs the board's clock to jump (the
 * pty rig's board process runs on the operating system's clock, and a test must not wait a week).
 */
class InProcessHilTest extends HilSuite {
    @Override
    Rig newRig(RigSpec spec) {
        return new InProcessRig(spec);
    }

    @Test
    void aWeekOfflineIsBackfilledWhenTheLinkReturns() throws Exception {
        InProcessRig meter = (InProcessRig) rig("meter", "hil-m-week", NO_FRIENDLY_CREDIT);
        String id = meter.spec().deviceId();
        bootInMachineMode(meter);
        awaitUplinkUp(meter);
        Poll.until("the journal is acknowledged", SLOW, () -> status(meter).contains(" journal_unacked=0 "));
        long offlineFrom = System.currentTimeMillis();
        long before = host.series().readings(id, "balance", 0, Long.MAX_VALUE, 100_000).size();

        meter.network(false);
        for (int hour = 0; hour < 7 * 24; hour++) {
            meter.passTime(Duration.ofHours(1));
        }
        String offline = status(meter);
        assertThat(offline).as("a week of records waits in the journal").doesNotContain(" journal_unacked=0 ");
        assertThat(host.series().readings(id, "balance", 0, Long.MAX_VALUE, 100_000)).as("nothing arrived while offline")
                .hasSize((int) before);

        meter.network(true);
        // the board retries at its backoff cap (an hour of its time): let that hour pass, then it drains in real time
        meter.passTime(Duration.ofMinutes(61));
        Poll.until("the week's journal is acknowledged by the host", SLOW, () -> status(meter).contains(" journal_unacked=0 "));
        List<Reading> week = host.series().readings(id, "balance", offlineFrom + 1, Long.MAX_VALUE, 100_000);
        assertThat(week).as("one telemetry pack per hour of the offline week (the board's clock jumped an hour at a time)"
                + " reached the host, stamped when it was taken").hasSizeGreaterThanOrEqualTo(7 * 24);
        long first = week.get(0).timeMillis();
        long last = week.get(week.size() - 1).timeMillis();
        assertThat(last - first).as("the backfill spans the week").isGreaterThanOrEqualTo(Duration.ofDays(7).toMillis() - Duration.ofHours(1).toMillis());
    }

    private static String status(Rig rig) {
        try {
            return ask(rig, "status");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
