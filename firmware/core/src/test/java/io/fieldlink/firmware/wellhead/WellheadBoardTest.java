package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.wellhead.modbus.MemoryModbusSlave;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import org.junit.jupiter.api.Test;

/** Verifies the wellhead runs from the shipped wellhead.board. */
class WellheadBoardTest {
    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    @Test
    void theShippedBoardFileDrivesScanShutInAndDailyTotals() {
        WellheadSettings s = WellheadBoard.settings(BoardLoader.builtIn("wellhead"), 6, 3 * HOUR);
        assertThat(s.pollPeriodMs()).isEqualTo(1_000);
        assertThat(s.indexOf("tubing_pressure")).isZero();

        MemoryModbusSlave bus = new MemoryModbusSlave().addUnit(1)
                .set(RegisterKind.HOLDING, 1, 0, 5_000) // tubing 5000 kPa
                .set(RegisterKind.HOLDING, 1, 1, 3_000) // casing 3000 kPa
                .set(RegisterKind.INPUT, 1, 2, -125) // -12.5 C
                .set32(RegisterKind.INPUT, 1, 10, 1_000) // oil 1000 L/h
                .set32(RegisterKind.INPUT, 1, 12, 125_000) // gas 1250.00 m3/h
                .set32(RegisterKind.INPUT, 1, 14, 250); // water 250 L/h
        RecordingWellEvents ev = new RecordingWellEvents();
        Wellhead w = new Wellhead(s, bus, ev, new PinAuthority(), ev, false);
        long gasDay = 20_000 * DAY + 3 * HOUR; // 06:00 at UTC+3
        for (long t = gasDay; t <= gasDay + DAY; t += 1_000) {
            w.scan(t);
        }
        assertThat(w.value(0)).isEqualTo(5_000_000); // milli-kPa
        assertThat(w.value(2)).isEqualTo(-12_500); // milli-C
        assertThat(ev.starting("report 0 ")).first().isEqualTo("report 0 5000000 @" + gasDay);
        assertThat(ev.days).singleElement()
                .satisfies(d -> assertThat(d).containsExactly(gasDay, 24_000, 30_000_000, 6_000, 0));
        assertThat(w.valveOpen()).isTrue();

        bus.set(RegisterKind.HOLDING, 1, 0, 1_400); // 1400 kPa: below PSL 1500
        w.scan(gasDay + DAY + 1_000);
        w.scan(gasDay + DAY + 3_000);
        assertThat(ev.starting("shutIn")).containsExactly("shutIn PSL 1400000 @" + (gasDay + DAY + 3_000));
    }
}
