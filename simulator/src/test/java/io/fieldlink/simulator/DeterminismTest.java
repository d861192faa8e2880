package io.fieldlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.simulator.fleet.FleetSpec;
import io.fieldlink.simulator.report.FleetReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that the same seed gives the same report on the in-process transport (every count, the
 * network's dropped and duplicated datagrams and the bookings made through the host included), and
 * another seed another.
 */
class DeterminismTest {
    @TempDir(factory = MemoryBackedTempDir.class)
    Path dir;

    @Test
    void theSameSeedGivesTheSameReport() throws Exception {
        FleetReport first = FleetRunTest.run(dir.resolve("a"), spec(11), FleetRunTest.DAY);
        FleetReport second = FleetRunTest.run(dir.resolve("b"), spec(11), FleetRunTest.DAY);
        FleetReport other = FleetRunTest.run(dir.resolve("c"), spec(12), FleetRunTest.DAY);

        assertThat(first.recordsSent).isGreaterThan(500);
        assertThat(first.powerCuts).as("the run has power cuts").isGreaterThan(0);
        assertThat(first.datagramsDropped).as("the run has losses").isGreaterThan(0);
        assertThat(first.datagramsDuplicated).as("the run has network duplicates").isGreaterThan(0);
        assertThat(first.bookingsMade).as("the run books through the host").isGreaterThan(0);
        assertThat(first.deterministicPart()).contains("\"datagrams_duplicated\": " + first.datagramsDuplicated + ",");
        assertThat(first.deterministicPart()).contains("\"datagrams_dropped\": " + first.datagramsDropped + ",");
        assertThat(second.deterministicPart()).isEqualTo(first.deterministicPart());
        assertThat(other.deterministicPart()).isNotEqualTo(first.deterministicPart());
    }

    /** The boards split over three scheduler threads against the real host: the same report as on one. */
    @Test
    void theSameSeedGivesTheSameReportOnOneSchedulerThreadOrThree() throws Exception {
        FleetSpec single = spec(11);
        single.threads = 1;
        FleetSpec three = spec(11);
        three.threads = 3;
        FleetReport one = FleetRunTest.run(dir.resolve("one"), single, FleetRunTest.DAY);
        FleetReport sharded = FleetRunTest.run(dir.resolve("three"), three, FleetRunTest.DAY);

        assertThat(one.powerCuts).as("the run has power cuts").isGreaterThan(0);
        assertThat(one.bookingsMade).as("the run books through the host").isGreaterThan(0);
        assertThat(sharded.recordsLost).isZero();
        assertThat(sharded.moneyMismatches).isZero();
        assertThat(sharded.deterministicPart()).isEqualTo(one.deterministicPart());
    }

    private static FleetSpec spec(long seed) {
        FleetSpec s = FleetRunTest.ciSpec(6, seed);
        s.powerCutsPerDay = 1;
        return s;
    }
}
