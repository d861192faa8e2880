package io.fieldlink.firmware.pump;

import static io.fieldlink.firmware.pump.Tokens.SLOT_START;
import static io.fieldlink.firmware.pump.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class PumpStationTest {
    final RecordingEvents ev = new RecordingEvents();
    final MemoryCell usedCell = new MemoryCell();

    PumpSettings.Builder settings() {
        return PumpSettings.builder().stationId("ST01").pumpNumber(2).pulsesPerKg(100).priceMilliPerKg(1_100_000)
                .storageLowMbar(150_000).storageHysteresisMbar(10_000);
    }

    PumpStation station(PumpSettings s) {
        return new PumpStation(s, Tokens.verifier(), usedCell, ev, ev);
    }

    @Test
    void scannedTokenAuthorisesItsQuantityAndRecordsTheSale() {
        PumpStation p = station(settings().build());
        long t = SLOT_START;
        assertThat(p.scan(token(1, 8_000), t).accepted()).isTrue();
        assertThat(p.state()).isEqualTo(DispenseState.AUTHORISED);
        p.nozzle(true, t + 1_000);
        p.pulses(10_000, t + 60_000);
        p.nozzle(false, t + 61_000);
        assertThat(ev.sales).singleElement().satisfies(s -> {
            assertThat(s.grams()).isEqualTo(8_000);
            assertThat(s.amountMilli()).isEqualTo(8_800_000);
        });
        assertThat(p.telemetry().dayGrams()).isEqualTo(8_000);
        assertThat(p.telemetry().dayAmountMilli()).isEqualTo(8_800_000);
        assertThat(p.telemetry().daySales()).isEqualTo(1);
    }

    @Test
    void replayedTokenIsRefusedAfterAReboot() {
        PumpStation before = station(settings().build());
        assertThat(before.scan(token(1, 8_000), SLOT_START).accepted()).isTrue();

        RecordingEvents after = new RecordingEvents();
        PumpStation rebooted = new PumpStation(settings().build(), Tokens.verifier(), usedCell, after, after);
        BookingVerdict v = rebooted.scan(token(1, 8_000), SLOT_START + 60_000);
        assertThat(v.reason()).isEqualTo(BookingReason.REPLAYED);
        assertThat(v.tokenId()).isEqualTo(1);
        assertThat(rebooted.state()).isEqualTo(DispenseState.IDLE);
        assertThat(after.verdicts).containsExactly(v);
    }

    @Test
    void everyScanIsAnEventWithItsReason() {
        PumpStation p = station(settings().build());
        p.scan("garbage", SLOT_START);
        p.scan(Tokens.sign(Tokens.booking(9, 8_000).withPump(3)), SLOT_START);
        p.scan(token(1, 8_000), SLOT_START);
        p.scan(token(2, 8_000), SLOT_START);
        assertThat(ev.verdicts).extracting(BookingVerdict::reason).containsExactly(BookingReason.MALFORMED,
                BookingReason.WRONG_SUBJECT, BookingReason.OK, BookingReason.PUMP_BUSY);
        assertThat(ev.verdicts).extracting(BookingVerdict::tokenId).containsExactly(BookingVerdict.NO_TOKEN, 9L, 1L, 2L);
    }

    @Test
    void busyScanDoesNotUseUpTheToken() {
        PumpStation p = station(settings().build());
        p.scan(token(1, 8_000), SLOT_START);
        assertThat(p.scan(token(2, 8_000), SLOT_START).reason()).isEqualTo(BookingReason.PUMP_BUSY);
        p.stop(SLOT_START + 1);
        assertThat(p.scan(token(2, 8_000), SLOT_START + 2).accepted()).isTrue();
    }

    @Test
    void walkInOnlyWhenTheStationAllowsIt() {
        assertThat(station(settings().build()).walkIn(0)).isFalse();
        PumpStation p = station(settings().walkInAllowed(true).maxFillGrams(15_000).build());
        assertThat(p.walkIn(0)).isTrue();
        p.nozzle(true, 0);
        p.pulses(2_000, 1);
        assertThat(ev.sales.get(0).walkIn()).isTrue();
        assertThat(ev.sales.get(0).grams()).isEqualTo(15_000);
    }

    @Test
    void storageLowAlarmHasHysteresis() {
        PumpStation p = station(settings().build());
        p.storagePressure(200_000, 0);
        p.storagePressure(149_999, 1);
        p.storagePressure(155_000, 2);
        p.storagePressure(140_000, 3);
        p.storagePressure(160_000, 4);
        p.storagePressure(100_000, 5);
        assertThat(ev.other).containsExactly("storageLow true 149999", "storageLow false 160000",
                "storageLow true 100000");
        assertThat(p.telemetry().storageLow()).isTrue();
        assertThat(p.telemetry().pressureMbar()).isEqualTo(100_000);
    }

    @Test
    void dailyTotalsRollAtTheBusinessDayBoundary() {
        long day = 86_400_000L;
        long offset = -5 * 3_600_000L - 1_800_000L; // local midnight at UTC+05:30
        PumpStation p = station(settings().walkInAllowed(true).dayStartOffsetMs(offset).build());
        long d0 = 20_000 * day + offset;
        p.tick(d0 + 1_000);
        p.walkIn(d0 + 1_000);
        p.nozzle(true, d0 + 1_000);
        p.pulses(100, d0 + 2_000);
        p.nozzle(false, d0 + 3_000);
        assertThat(p.telemetry().dayStartMs()).isEqualTo(d0);
        assertThat(p.telemetry().dayGrams()).isEqualTo(1_000);
        p.tick(d0 + day);
        assertThat(p.telemetry().dayGrams()).isZero();
        assertThat(p.telemetry().previousDayGrams()).isEqualTo(1_000);
        assertThat(p.telemetry().previousDaySales()).isEqualTo(1);
        assertThat(p.telemetry().previousDayAmountMilli()).isEqualTo(1_100_000);
    }

    /** Verifies that each closed business day's totals are reported once, and a jump of days only when the day had sales. */
    @Test
    void eachClosedDayIsReportedWithItsTotals() {
        long day = 86_400_000L;
        PumpStation p = station(settings().walkInAllowed(true).build());
        p.tick(1_000); // before the wall clock is set: day 0
        long d0 = 20_000 * day;
        p.tick(d0 + 1_000); // the clock is set: the empty day 0 is not reported
        assertThat(ev.other).noneMatch(o -> o.startsWith("dayClosed"));
        p.walkIn(d0 + 1_000);
        p.nozzle(true, d0 + 1_000);
        p.pulses(100, d0 + 2_000);
        p.nozzle(false, d0 + 3_000);
        p.tick(d0 + day + 5);
        p.tick(d0 + 2 * day + 5);
        assertThat(ev.other).filteredOn(o -> o.startsWith("dayClosed")).containsExactly(
                "dayClosed " + d0 + " 1000 1100000 1", "dayClosed " + (d0 + day) + " 0 0 0");
    }

    @Test
    void theSampleCycleOfARunningFillAllocatesNothing() {
        PumpStation p = station(settings().walkInAllowed(true).maxFillGrams(1_000_000_000L).build());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        p.walkIn(0);
        p.nozzle(true, 0);
        long t = 0;
        for (; t < 200_000; t++) {
            p.pulses(1, t);
            p.storagePressure(200_000 + t % 7, t);
            p.tick(t);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++, t++) {
            p.pulses(1, t);
            p.storagePressure(200_000 + t % 7, t);
            p.tick(t);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(p.state()).isEqualTo(DispenseState.DISPENSING);
        assertThat(allocated).isLessThan(1_000);
    }
}
