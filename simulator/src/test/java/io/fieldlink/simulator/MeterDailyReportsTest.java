package io.fieldlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.simulator.fleet.FleetSpec;
import io.fieldlink.simulator.report.FleetReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that meters reporting once a day (their readings wait for the report, events go at once)
 * make a fraction of the uplinks and still lose nothing, double nothing and keep the money right
 * through power cuts mid-write, loss, duplication and partitions, against the real in-process host.
 */
class MeterDailyReportsTest {
    @TempDir(factory = MemoryBackedTempDir.class)
    Path dir;

    @Test
    void dailyReportsCutTheUplinksAndLoseNothing() throws Exception {
        FleetReport hourly = FleetRunTest.run(dir.resolve("hourly"), meters(false), 3 * FleetRunTest.DAY);
        FleetReport daily = FleetRunTest.run(dir.resolve("daily"), meters(true), 3 * FleetRunTest.DAY);
        System.out.print(daily.text());

        for (FleetReport r : new FleetReport[] {hourly, daily}) {
            assertThat(r.recordsSent).isGreaterThan(20L * 3 * 24);
            assertThat(r.recordsLost).as("records lost").isZero();
            assertThat(r.duplicatesStored).as("duplicates stored").isZero();
            assertThat(r.moneyMismatches).as("money mismatches").isZero();
            assertThat(r.metersChecked).isEqualTo(20);
            assertThat(r.boardsNotDrained).isZero();
            assertThat(r.notes).isEmpty();
            assertThat(r.powerCuts).as("power cuts happened").isPositive();
            assertThat(r.tokenVerdicts).containsKey("credit/ok");
        }
        assertThat(daily.uplinks).as("daily vs hourly uplinks").isLessThan(hourly.uplinks / 3);
    }

    private static FleetSpec meters(boolean daily) {
        FleetSpec s = FleetRunTest.ciSpec(0, 5);
        s.meters = 20;
        s.reportIntervalMillis = 15 * 60_000L;
        s.meterSampleMillis = 900_000L;
        s.meterTopUpMilli = 500_000;
        s.powerCutsPerDay = 1;
        s.meterReportIntervalMillis = daily ? FleetRunTest.DAY : 0;
        s.meterPushReadings = !daily;
        return s;
    }
}
