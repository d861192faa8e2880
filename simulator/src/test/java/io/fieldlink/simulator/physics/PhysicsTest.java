package io.fieldlink.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicsTest {
    private static final long MONDAY_2026_01_05 = LocalDate.of(2026, 1, 5).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final long HOUR = 3_600_000L;

    @Test
    void householdUsesAPlausibleDailyEnergyWithAnEveningPeak() {
        HouseholdLoad load = new HouseholdLoad(7, ZoneOffset.UTC);
        double wattHours = 0;
        double night = 0;
        double evening = 0;
        for (long minute = 0; minute < 24 * 60; minute++) {
            double w = load.activePowerWatts(MONDAY_2026_01_05 + minute * 60_000L);
            wattHours += w / 60;
            if (minute / 60 == 3) {
                night += w;
            }
            if (minute / 60 == 19) {
                evening += w;
            }
        }
        assertThat(wattHours / 1000).as("kWh per winter weekday").isBetween(4.0, 40.0);
        assertThat(evening).isGreaterThan(2 * night);
    }

    @Test
    void modelsRepeatExactlyForTheSameSeed() {
        assertThat(new HouseholdLoad(3, ZoneOffset.UTC).activePowerWatts(MONDAY_2026_01_05 + 12345))
                .isEqualTo(new HouseholdLoad(3, ZoneOffset.UTC).activePowerWatts(MONDAY_2026_01_05 + 12345));
        assertThat(new VehicleArrivals(5, ZoneOffset.UTC, 0.6, 0.1).inHour(MONDAY_2026_01_05 + 8 * HOUR))
                .isEqualTo(new VehicleArrivals(5, ZoneOffset.UTC, 0.6, 0.1).inHour(MONDAY_2026_01_05 + 8 * HOUR));
        assertThat(new HouseholdLoad(3, ZoneOffset.UTC).activePowerWatts(MONDAY_2026_01_05))
                .isNotEqualTo(new HouseholdLoad(4, ZoneOffset.UTC).activePowerWatts(MONDAY_2026_01_05));
    }

    @Test
    void gridStaysNearNominal() {
        Grid grid = new Grid(1, 230, 50);
        for (long s = 0; s < 86_400; s += 37) {
            assertThat(grid.volts(MONDAY_2026_01_05 + s * 1000)).isBetween(180.0, 270.0);
            assertThat(grid.hertz(MONDAY_2026_01_05 + s * 1000)).isBetween(49.7, 50.3);
        }
    }

    @Test
    void arpsFollowsItsFormulaForEachKind() {
        assertThat(new ArpsDecline(1000, 0.01, 0).rate(100)).isCloseTo(1000 * Math.exp(-1), within(1e-9));
        assertThat(new ArpsDecline(1000, 0.01, 1).rate(100)).isCloseTo(500, within(1e-9));
        assertThat(new ArpsDecline(1000, 0.01, 0.5).rate(100)).isCloseTo(1000 / Math.pow(1.5, 2), within(1e-9));
        assertThatThrownBy(() -> new ArpsDecline(1000, 0.01, 1.5)).hasMessageContaining("0 <= b <= 1");
    }

    @Test
    void wellDeclinesAndBuildsPressureWhenShutIn() {
        WellModel well = new WellModel(9, MONDAY_2026_01_05, new ArpsDecline(400, 0.002, 0.6), 120, 11_000);
        double early = 0;
        double late = 0;
        for (int i = 0; i < 200; i++) {
            early += well.read(MONDAY_2026_01_05 + i * 60_000L, true).oilLph();
            late += well.read(MONDAY_2026_01_05 + 365 * 86_400_000L + i * 60_000L, true).oilLph();
        }
        assertThat(late).isLessThan(early);
        WellModel.Reading shut = well.read(MONDAY_2026_01_05 + HOUR, false);
        assertThat(shut.oilLph()).isZero();
        assertThat(shut.tubingKpa()).isGreaterThan(well.read(MONDAY_2026_01_05 + HOUR, true).tubingKpa());
    }

    @Test
    void aSteadyWellsScanToScanNoiseStaysWellInsideTheBoardFilesDeadbands() {
        // the wellhead board file's deadbands: tubing/casing 50 kPa, temperature 0.5 °C, oil/water 20 L/h, gas 5 m³/h
        double[] deadband = {50, 50, 0.5, 20, 5, 20};
        int steady = 0;
        int slugging = 0;
        for (long seed = 1; seed <= 40; seed++) {
            WellModel well = new WellModel(seed, MONDAY_2026_01_05 - 300 * 24 * HOUR, new ArpsDecline(480, 0.002, 0.6), 280, 11_000);
            if (well.slugs()) {
                slugging++;
                continue;
            }
            steady++;
            double[] largest = new double[6];
            double[] last = null;
            for (long t = MONDAY_2026_01_05; t < MONDAY_2026_01_05 + 24 * HOUR; t += 5_000L) {
                WellModel.Reading r = well.read(t, true);
                double[] v = {r.tubingKpa(), r.casingKpa(), r.temperatureC(), r.oilLph(), r.gasM3h(), r.waterLph()};
                for (int i = 0; last != null && i < 6; i++) {
                    largest[i] = Math.max(largest[i], Math.abs(v[i] - last[i]));
                }
                last = v;
            }
            for (int i = 0; i < 6; i++) {
                assertThat(largest[i]).as("seed %d channel %d: largest change between two 5 s scans", seed, i)
                        .isLessThan(deadband[i] * 0.8);
            }
        }
        assertThat(slugging).as("some wells slug").isBetween(2, 16);
        assertThat(steady).isGreaterThan(20);
    }

    @Test
    void aSluggingWellSurgesWellBeyondTheDeadband() {
        long seed = 1;
        WellModel well;
        do {
            well = new WellModel(++seed, MONDAY_2026_01_05 - 300 * 24 * HOUR, new ArpsDecline(480, 0.002, 0.6), 280, 11_000);
        } while (!well.slugs());
        double low = Double.MAX_VALUE;
        double high = 0;
        for (long t = MONDAY_2026_01_05; t < MONDAY_2026_01_05 + 6 * HOUR; t += 5_000L) {
            double oil = well.read(t, true).oilLph();
            low = Math.min(low, oil);
            high = Math.max(high, oil);
        }
        assertThat(high / low).as("slug surge").isGreaterThan(1.12);
    }

    @Test
    void overpressureRampsTubingPressure() {
        WellModel well = new WellModel(9, MONDAY_2026_01_05, new ArpsDecline(400, 0.002, 0.6), 120, 11_000);
        double before = well.read(MONDAY_2026_01_05 + HOUR, true).tubingKpa();
        well.overpressureFrom(MONDAY_2026_01_05 + HOUR);

        assertThat(well.read(MONDAY_2026_01_05 + HOUR + 20 * 60_000L, true).tubingKpa()).isGreaterThan(before + 5_000);
    }

    @Test
    void vehiclesComeByTheDemandCurve() {
        VehicleArrivals arrivals = new VehicleArrivals(11, ZoneOffset.UTC, 0.6, 0.1);
        int night = 0;
        int morning = 0;
        for (int day = 0; day < 30; day++) {
            night += arrivals.inHour(MONDAY_2026_01_05 + day * 24 * HOUR + 3 * HOUR).size();
            List<VehicleArrivals.Vehicle> peak = arrivals.inHour(MONDAY_2026_01_05 + day * 24 * HOUR + 8 * HOUR);
            morning += peak.size();
            assertThat(peak).allSatisfy(v -> assertThat(v.wantsGrams()).isBetween(6_000L, 15_000L));
        }
        assertThat(morning / 30.0).as("vehicles per morning peak hour").isBetween(9.0, 17.0);
        assertThat(night / 30.0).as("vehicles per night hour").isLessThan(2.0);
    }

    @Test
    void aQuieterStationGetsFewerVehicles() {
        VehicleArrivals busy = new VehicleArrivals(11, ZoneOffset.UTC, 0.6, 0.1);
        VehicleArrivals quiet = new VehicleArrivals(11, ZoneOffset.UTC, 0.6, 0.1, 7);
        int b = 0;
        int q = 0;
        for (long h = 0; h < 24 * 30; h++) {
            b += busy.inHour(MONDAY_2026_01_05 + h * HOUR).size();
            q += quiet.inHour(MONDAY_2026_01_05 + h * HOUR).size();
        }
        assertThat(q / 30.0).as("vehicles a day at a station with 7 at its peak").isBetween(40.0, 75.0);
        assertThat((double) q / b).isBetween(0.35, 0.65);
    }

    @Test
    void storageFallsWithSalesAndLeaksAndRefills() {
        StorageCascade storage = new StorageCascade();
        storage.dispensed(50_000);
        double afterSales = storage.pressureKpa();
        storage.advance(10 * 60_000L);
        assertThat(afterSales).isLessThan(25_000);
        assertThat(storage.pressureKpa()).isGreaterThan(afterSales);

        storage.leak(500);
        double beforeLeak = storage.pressureKpa();
        storage.advance(10 * 60_000L);
        assertThat(storage.pressureKpa()).isLessThan(beforeLeak);
    }

    @Test
    void sensorFaultsBendTheReading() {
        assertThat(SensorFault.STUCK.apply(10, 4, 100, 1, 1)).isEqualTo(4);
        assertThat(SensorFault.OUT_OF_RANGE.apply(10, 4, 100, 1, 1)).isEqualTo(300);
        assertThat(SensorFault.NONE.apply(10, 4, 100, 1, 1)).isEqualTo(10);
        assertThat(SensorFault.NOISY.apply(10, 4, 100, 1, 1)).isNotEqualTo(10);
    }
}
