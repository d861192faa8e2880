package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.wellhead.modbus.MemoryModbusSlave;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class WellheadTest {
    static final int TUBING = 0;
    static final int CASING = 1;
    static final int TEMP = 2;
    static final int OIL = 3;
    static final int GAS = 4;
    static final int WATER = 5;
    static final int CHOKE = 6;

    final RecordingWellEvents ev = new RecordingWellEvents();
    final MemoryModbusSlave bus = new MemoryModbusSlave().addUnit(1).addUnit(2);

    static WellheadSettings settings(long pollPeriodMs) {
        return WellheadSettings.builder().pollPeriodMs(pollPeriodMs)
                .channel(ChannelSpec.builder("tubing_pressure").registers(RegisterKind.INPUT, 1, 0).scale(10, 1)
                        .deadband(50).integrityMs(900_000).limits(ChannelSpec.NO_LOW, 3_000, 8_000, 8_500)
                        .hysteresis(100).debounceMs(2_000).build())
                .channel(ChannelSpec.builder("casing_pressure").registers(RegisterKind.INPUT, 1, 1).scale(10, 1)
                        .deadband(50).build())
                .channel(ChannelSpec.builder("flowline_temp").registers(RegisterKind.INPUT, 1, 2).format(1, true)
                        .deadband(20).build())
                .channel(ChannelSpec.builder("oil_rate").registers(RegisterKind.HOLDING, 2, 10).format(2, false)
                        .deadband(100).build())
                .channel(ChannelSpec.builder("gas_rate").registers(RegisterKind.HOLDING, 2, 12).format(2, false)
                        .deadband(1_000).build())
                .channel(ChannelSpec.builder("water_rate").registers(RegisterKind.HOLDING, 2, 14).format(2, false)
                        .deadband(100).build())
                .channel(ChannelSpec.builder("choke").registers(RegisterKind.HOLDING, 2, 20).deadband(1).build())
                .shutIn("tubing_pressure", 1_000, 9_000, 3_000)
                .rates("oil_rate", "gas_rate", "water_rate")
                .gasDayStartOffsetMs(6 * 3_600_000L)
                .build();
    }

    Wellhead wellhead() {
        return wellhead(1_000, ev);
    }

    Wellhead wellhead(long pollPeriodMs, WellheadEvents events) {
        bus.set(RegisterKind.INPUT, 1, 0, 500).set(RegisterKind.INPUT, 1, 1, 300).set(RegisterKind.INPUT, 1, 2, -35)
                .set32(RegisterKind.HOLDING, 2, 10, 120_000).set32(RegisterKind.HOLDING, 2, 12, 2_000_000)
                .set32(RegisterKind.HOLDING, 2, 14, 30_000).set(RegisterKind.HOLDING, 2, 20, 32);
        return new Wellhead(settings(pollPeriodMs), bus, ev, new PinAuthority(), events, false);
    }

    @Test
    void firstCycleReportsEveryChannelAndOpensTheValve() {
        Wellhead w = wellhead();
        w.scan(1_000);
        assertThat(ev.starting("report")).containsExactly("report 0 5000 @1000", "report 1 3000 @1000",
                "report 2 -35 @1000", "report 3 120000 @1000", "report 4 2000000 @1000", "report 5 30000 @1000",
                "report 6 32 @1000");
        assertThat(w.valveOpen()).isTrue();
        assertThat(bus.reads()).isEqualTo(7);
    }

    @Test
    void modbusFaultMarksTheChannelFaultyRaisesAnAlarmAndTheBoardGoesOn() {
        Wellhead w = wellhead();
        w.scan(0);
        bus.fail(2, ModbusStatus.TIMEOUT);
        bus.set(RegisterKind.INPUT, 1, 0, 600);
        w.scan(1_000);
        w.scan(2_000);
        assertThat(ev.starting("fault")).containsExactly("fault 3 on TIMEOUT @1000", "fault 4 on TIMEOUT @1000",
                "fault 5 on TIMEOUT @1000", "fault 6 on TIMEOUT @1000");
        assertThat(w.healthy(OIL)).isFalse();
        assertThat(w.healthy(TUBING)).isTrue();
        assertThat(ev.lines).contains("report 0 6000 @1000"); // unit 1 still read and reported
        assertThat(w.cycles()).isEqualTo(3);
        assertThat(w.value(OIL)).isEqualTo(120_000); // last good value kept

        bus.heal(2);
        bus.failNext(ModbusStatus.CRC_ERROR, 1); // the first read of the next cycle: tubing
        w.scan(3_000);
        assertThat(ev.lines).contains("fault 0 on CRC_ERROR @3000", "fault 3 off OK @3000", "fault 6 off OK @3000");
        assertThat(w.healthy(TUBING)).isFalse();
        assertThat(w.valveOpen()).isTrue(); // a faulty sensor alone does not shut the well in
        w.scan(4_000);
        assertThat(ev.lines).contains("fault 0 off OK @4000");
        assertThat(w.cycles()).isEqualTo(5);
    }

    @Test
    void highTubingPressureRaisesAlarmsThenShutsIn() {
        Wellhead w = wellhead();
        w.scan(0);
        bus.set(RegisterKind.INPUT, 1, 0, 950); // 9500 kPa: above H, HH and PSH
        for (long t = 1_000; t <= 5_000; t += 1_000) {
            w.scan(t);
        }
        assertThat(ev.lines).contains("alarm 0 HH on 9500 @3000", "alarm 0 H on 9500 @3000",
                "shutIn PSH 9500 @4000");
        assertThat(w.shutIn()).isTrue();
        assertThat(ev.valveOpen).isFalse();

        bus.set(RegisterKind.INPUT, 1, 0, 500);
        w.scan(6_000);
        assertThat(w.reset(PinAuthority.console("tech7", "1234"), 6_500)).isEqualTo(ResetOutcome.REFUSED_UNAUTHORISED);
        assertThat(w.reset(PinAuthority.console("tech7", "4711"), 7_000)).isEqualTo(ResetOutcome.RESET);
        assertThat(ev.valveOpen).isTrue();
    }

    @Test
    void deadbandsKeepASteadyWellQuiet() {
        Wellhead w = wellhead();
        for (long t = 0; t < 600_000; t += 1_000) {
            bus.set(RegisterKind.INPUT, 1, 0, 500 + (int) (t / 1_000 % 3)); // +-20 kPa of noise
            w.scan(t);
        }
        assertThat(w.reportByException().reports(TUBING)).isEqualTo(1);
        assertThat(w.reportByException().reports(CHOKE)).isEqualTo(1);
        assertThat(w.cycles()).isEqualTo(600);
    }

    @Test
    void gasDayTotalsComeFromTheRateChannels() {
        Wellhead w = wellhead(10_000, ev);
        long day0 = 20_000 * 86_400_000L + 6 * 3_600_000L;
        for (long t = day0; t <= day0 + 86_400_000L; t += 10_000) {
            w.scan(t);
        }
        assertThat(ev.days).hasSize(1);
        assertThat(ev.days.get(0)).containsExactly(day0, 120_000, 2_000_000, 30_000, 0);
    }

    @Test
    void aSteadyScanCycleAllocatesNothing() {
        CountingEvents counting = new CountingEvents();
        Wellhead w = wellhead(1_000, counting);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long t = 0;
        for (; t < 20_000_000L; t += 1_000) {
            w.scan(t); // warm up (JIT, first reports)
        }
        int reportsBefore = counting.reports;
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++, t += 1_000) {
            w.scan(t);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(counting.reports - reportsBefore).isPositive(); // integrity reports happened in the stretch
        assertThat(allocated).isLessThan(1_000); // the measurement itself may allocate a few bytes
    }

    /** Counts events without allocating. */
    static final class CountingEvents implements WellheadEvents {
        int reports;
        int others;

        @Override
        public void report(int channel, long value, long atMs) {
            reports++;
        }

        @Override
        public void alarm(int channel, AlarmLevel level, boolean active, long value, long atMs) {
            others++;
        }

        @Override
        public void channelFault(int channel, boolean faulty, ModbusStatus status, long atMs) {
            others++;
        }

        @Override
        public void shutIn(ShutInCause cause, long pressure, long atMs) {
            others++;
        }

        @Override
        public void shutInReset(ResetOutcome outcome, ResetRequest.Source source, String principal, long atMs) {
            others++;
        }

        @Override
        public void dailyProduction(long dayStartMs, long oil, long gas, long water, long unmeasuredMs) {
            others++;
        }
    }
}
