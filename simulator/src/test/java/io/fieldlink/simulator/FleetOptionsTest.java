package io.fieldlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.simulator.fleet.FleetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The fleet options added for the CI fleet: wellhead scan and integrity periods and the pump stations' demand. */
class FleetOptionsTest {
    @TempDir
    Path dir;

    private static FleetSpec parse(String... args) throws Exception {
        Main m = new Main();
        new CommandLine(m).parseArgs(args);
        return m.fleet.spec(Main.defaults());
    }

    @Test
    void flagsSetTheWellsAndThePumpsDemand() throws Exception {
        FleetSpec s = parse("--wells", "3", "--pumps", "2", "--well-scan", "5", "--well-integrity", "3600", "--peak-vehicles", "8");
        assertThat(s.wellSampleMillis).isEqualTo(5_000);
        assertThat(s.wellIntegrityMillis).isEqualTo(3_600_000);
        assertThat(s.vehiclesPerPeakHour).isEqualTo(8);
    }

    @Test
    void theFleetFileSetsThemAndFlagsWin() throws Exception {
        Path f = dir.resolve("ci.fleet");
        Files.writeString(f, "wells=50\nwell-scan=5\nwell-integrity=3600\npeak-vehicles=8\n");
        FleetSpec s = parse("--fleet", f.toString(), "--well-scan", "2");
        assertThat(s.wells).isEqualTo(50);
        assertThat(s.wellSampleMillis).isEqualTo(2_000);
        assertThat(s.wellIntegrityMillis).isEqualTo(3_600_000);
        assertThat(s.vehiclesPerPeakHour).isEqualTo(8);
    }

    @Test
    void threadsDefaultToTheProcessorsAndComeFromTheFlagOrTheFleetFile() throws Exception {
        assertThat(parse("--meters", "5").threads).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(parse("--meters", "5", "--threads", "3").threads).isEqualTo(3);
        Path f = dir.resolve("t.fleet");
        Files.writeString(f, "meters=5\nthreads=4\n");
        assertThat(parse("--fleet", f.toString()).threads).isEqualTo(4);
        assertThatThrownBy(() -> parse("--meters", "5", "--threads", "0")).hasMessageContaining("threads must be 1 to 256");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> parse("--wells", "1", "--well-scan", "0")).hasMessageContaining("well sample period");
        assertThatThrownBy(() -> parse("--wells", "1", "--well-integrity", "10")).hasMessageContaining("well integrity period");
        assertThatThrownBy(() -> parse("--pumps", "1", "--peak-vehicles", "-3")).hasMessageContaining("vehicles per peak hour");
    }

    @Test
    void theShippedCiFleetFileIsTheCiFleet() throws Exception {
        FleetSpec s = parse("--fleet", Path.of("fleets/ci-week.fleet").toString());
        FleetSpec ci = FleetRunTest.ciSpec(50, 7);
        assertThat(new long[] {s.meters, s.pumps, s.wells, s.seed, s.wellSampleMillis, s.wellIntegrityMillis,
            s.reportIntervalMillis, s.meterTelemetryMillis})
                .containsExactly(ci.meters, ci.pumps, ci.wells, ci.seed, ci.wellSampleMillis, ci.wellIntegrityMillis,
                        ci.reportIntervalMillis, ci.meterTelemetryMillis);
        assertThat(new double[] {s.vehiclesPerPeakHour, s.loss, s.duplication, s.reorder, s.powerCutsPerDay,
            s.partitionsPerDay, s.fleetPartitionsPerDay, s.sensorFaultsPerDay, s.incidentsPerDay})
                .containsExactly(ci.vehiclesPerPeakHour, ci.loss, ci.duplication, ci.reorder, ci.powerCutsPerDay,
                        ci.partitionsPerDay, ci.fleetPartitionsPerDay, ci.sensorFaultsPerDay, ci.incidentsPerDay);
    }

    @Test
    void theMetersOwnReportIntervalAndPushReadingsComeFromFlagsOrTheFleetFile() throws Exception {
        FleetSpec s = parse("--meters", "1", "--meter-report-interval", "86400", "--meter-push-readings");
        assertThat(s.meterReportIntervalMillis).isEqualTo(86_400_000L);
        assertThat(s.meterPushReadings).isTrue();
        assertThat(parse("--meters", "1").meterReportIntervalMillis).isZero();
        Path f = dir.resolve("daily.fleet");
        Files.writeString(f, "meters=3\nmeter-report-interval=3600\nmeter-push-readings=true\n");
        FleetSpec fromFile = parse("--fleet", f.toString());
        assertThat(fromFile.meterReportIntervalMillis).isEqualTo(3_600_000L);
        assertThat(fromFile.meterPushReadings).isTrue();
        assertThatThrownBy(() -> parse("--meters", "1", "--meter-report-interval", "5")).hasMessageContaining("meter report interval");
        Files.writeString(f, "meters=3\nmeter-push-readings=yes\n");
        assertThatThrownBy(() -> parse("--fleet", f.toString())).hasMessageContaining("meter-push-readings");
    }
}
