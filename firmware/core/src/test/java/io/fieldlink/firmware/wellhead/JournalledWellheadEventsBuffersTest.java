package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.hal.memory.PowerLossException;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import io.fieldlink.protocol.memory.BufferPool;
import org.junit.jupiter.api.Test;

/** The wellhead's event journal borrows each record's buffer from the board's pool and always gives it back. */
class JournalledWellheadEventsBuffersTest {
    private final MemoryStorage storage = new MemoryStorage().addArea("journal", 4096).addArea("snapshot", 512);
    private final Journal journal = Journal.open(storage.area("journal"), storage.area("snapshot"));
    private final BufferPool pool = new BufferPool();
    private final ChannelSpec[] channels = {
        ChannelSpec.builder("tubing_pressure").unit("kPa").registers(RegisterKind.INPUT, 1, 0).build()};
    private final JournalledWellheadEvents events = new JournalledWellheadEvents(journal, channels, null, null, pool);

    @Test
    void everyRecordIsJournalledAndItsBufferGoesBack() {
        events.report(0, 1_250, 1_000L);
        events.channelFault(0, true, ModbusStatus.TIMEOUT, 2_000L);
        events.alarm(0, AlarmLevel.HH, true, 9_000_000, 3_000L);
        events.shutIn(ShutInCause.PSH, 9_000_000, 4_000L);
        events.dailyProduction(0, 10, 20, 30, 0);
        assertThat(journal.unackedCount()).isEqualTo(5);
        assertThat(events.dropped()).isZero();
        assertThat(pool.lent()).isZero();
        assertThat(pool.pooled()).isEqualTo(1);
    }

    @Test
    void aPowerCutWhileJournallingGivesTheBufferBack() {
        storage.cutPowerAfter(5);
        assertThatThrownBy(() -> events.report(0, 1_250, 1_000L)).isInstanceOf(PowerLossException.class);
        assertThat(pool.lent()).isZero();
        assertThatThrownBy(() -> events.shutIn(ShutInCause.PSL, 100, 2_000L)).isInstanceOf(PowerLossException.class);
        assertThat(pool.lent()).isZero();
    }

    @Test
    void aChannelFaultRecordNamesTheChannel() {
        events.channelFault(0, true, ModbusStatus.TIMEOUT, 2_000L);
        io.fieldlink.firmware.journal.JournalCursor cursor = journal.cursor();
        assertThat(cursor.next()).isTrue();
        byte[] payload = new byte[cursor.payloadLength()];
        cursor.copyPayload(payload, 0);
        assertThat(new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("tubing_pressure_fault")
                .contains("timeout");
    }
}
