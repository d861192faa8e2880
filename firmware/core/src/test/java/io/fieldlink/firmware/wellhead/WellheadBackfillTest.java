package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.wellhead.modbus.MemoryModbusSlave;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.ShutIn;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlCbor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies that a week offline is backfilled in order, with original timestamps, nothing lost or doubled. */
class WellheadBackfillTest {
    static final long DAY = 86_400_000L;
    static final long T0 = 20_000 * DAY + 6 * 3_600_000L; // a gas-day start

    final MemoryStorage storage = new MemoryStorage().addArea("journal", 1 << 20).addArea("snapshot", 4096);

    Journal open() {
        return Journal.open(storage.area("journal"), storage.area("snapshot"));
    }

    @Test
    void aWeekOfflineIsBackfilledInOrderExactlyOnce() {
        Journal journal = open();
        RecordingWellEvents seen = new RecordingWellEvents();
        List<Long> occurred = new ArrayList<>();
        WellheadSettings settings = WellheadTest.settings(10_000);
        JournalledWellheadEvents events = new JournalledWellheadEvents(journal, settings.channels,
                new TimeTap(occurred, seen));
        MemoryModbusSlave bus = new MemoryModbusSlave().addUnit(1).addUnit(2);
        bus.set32(RegisterKind.HOLDING, 2, 10, 120_000).set32(RegisterKind.HOLDING, 2, 12, 2_000_000)
                .set32(RegisterKind.HOLDING, 2, 14, 30_000);
        Wellhead w = new Wellhead(settings, bus, seen, new PinAuthority(), events, false);

        for (long t = T0; t < T0 + 7 * DAY; t += 10_000) {
            long minute = (t - T0) / 60_000;
            int tubing = 500 + (int) (minute % 40); // 5000..5390 kPa sawtooth
            if (t >= T0 + 3 * DAY && t < T0 + 3 * DAY + 60_000) {
                tubing = 950; // PSH for a minute on day 3
            }
            bus.set(RegisterKind.INPUT, 1, 0, tubing);
            if (t == T0 + 5 * DAY) {
                bus.fail(2, ModbusStatus.TIMEOUT);
            } else if (t == T0 + 5 * DAY + 3_600_000) {
                bus.heal(2);
            }
            if (t == T0 + 3 * DAY + 120_000) {
                w.reset(PinAuthority.console("tech7", "4711"), t);
            }
            w.scan(t);
        }
        assertThat(events.dropped()).isZero();
        assertThat(seen.starting("shutIn")).hasSize(1);
        assertThat(seen.starting("reset RESET")).hasSize(1);
        assertThat(seen.days).hasSize(6);
        int produced = occurred.size();
        assertThat(journal.unackedCount()).isEqualTo(produced);

        OfflineHost host = new OfflineHost();
        Journal after = host.drain(journal, this::open, 500, 3, 4);

        assertThat(after.unackedCount()).isZero();
        assertThat(host.duplicates).isPositive(); // lost acks made the device resend ...
        assertThat(host.stored).hasSize(produced); // ... and the host kept each record once
        assertThat(host.stored.firstKey()).isEqualTo(1L);
        assertThat(host.stored.lastKey()).isEqualTo((long) produced);
        assertThat(host.stored.values()).extracting(OfflineHost.Rec::time).containsExactlyElementsOf(occurred);
        OfflineHost.Rec shutIn = host.stored.values().stream().filter(r -> r.type() == WellheadRecords.SHUT_IN)
                .findFirst().orElseThrow();
        assertThat(shutIn.time()).isEqualTo(T0 + 3 * DAY + 10_000); // PSH seen at 3 d, held past the 3 s debounce at the next poll
        ShutIn latched = ShutIn.decode(shutIn.payload());
        assertThat(latched.isLatched()).isTrue();
        assertThat(latched.cause()).isEqualTo(ShutIn.CAUSE_PSH);
        assertThat(latched.valueKpa()).isEqualTo(9.5);
        assertThat(host.stored.values()).allSatisfy(WellheadBackfillTest::isProtocolRecord);
    }

    /** Every journalled record is an uplink record the host decodes: SenML, Alarm or ShutIn. */
    static void isProtocolRecord(OfflineHost.Rec r) {
        switch (r.type()) {
            case UplinkRecord.TELEMETRY -> assertThat(SenmlCbor.decode(r.payload()).size()).isPositive();
            case UplinkRecord.ALARM -> Alarm.decode(r.payload());
            case UplinkRecord.SHUT_IN -> ShutIn.decode(r.payload());
            default -> throw new AssertionError("record " + r.seq() + " has non-protocol kind " + r.type());
        }
    }

    /** Records each event's occurrence time in order (daily records: the day's end). */
    record TimeTap(List<Long> times, WellheadEvents next) implements WellheadEvents {
        @Override
        public void report(int channel, long value, long atMs) {
            times.add(atMs);
            next.report(channel, value, atMs);
        }

        @Override
        public void alarm(int channel, AlarmLevel level, boolean active, long value, long atMs) {
            times.add(atMs);
            next.alarm(channel, level, active, value, atMs);
        }

        @Override
        public void channelFault(int channel, boolean faulty, ModbusStatus status, long atMs) {
            times.add(atMs);
            next.channelFault(channel, faulty, status, atMs);
        }

        @Override
        public void shutIn(ShutInCause cause, long pressure, long atMs) {
            times.add(atMs);
            next.shutIn(cause, pressure, atMs);
        }

        @Override
        public void shutInReset(ResetOutcome outcome, ResetRequest.Source source, String principal, long atMs) {
            times.add(atMs);
            next.shutInReset(outcome, source, principal, atMs);
        }

        @Override
        public void dailyProduction(long dayStartMs, long oil, long gas, long water, long unmeasuredMs) {
            times.add(dayStartMs + DAY);
            next.dailyProduction(dayStartMs, oil, gas, water, unmeasuredMs);
        }
    }
}
