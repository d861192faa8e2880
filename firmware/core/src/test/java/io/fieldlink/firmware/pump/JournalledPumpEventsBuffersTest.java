package io.fieldlink.firmware.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.hal.memory.PowerLossException;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.protocol.memory.BufferPool;
import org.junit.jupiter.api.Test;

/** The pump's event journal borrows each record's buffer from the board's pool and always gives it back. */
class JournalledPumpEventsBuffersTest {
    private final MemoryStorage storage = new MemoryStorage().addArea("journal", 4096).addArea("snapshot", 512);
    private final Journal journal = Journal.open(storage.area("journal"), storage.area("snapshot"));
    private final BufferPool pool = new BufferPool();
    private final JournalledPumpEvents events = new JournalledPumpEvents(journal, null, null, pool);

    private static Sale sale() {
        return new Sale(42, 1, 12_000, 1_500_000, 1_790_000_000_000L, 1_790_000_480_000L, StopReason.LIMIT);
    }

    @Test
    void everyRecordIsJournalledAndItsBufferGoesBack() {
        events.sale(sale());
        events.unauthorisedFlow(12, 1_790_000_500_000L);
        events.storageLow(true, 180_500, 1_790_000_600_000L);
        events.dayClosed(1_789_948_800_000L, 12_000, 18_000, 1);
        assertThat(journal.unackedCount()).isEqualTo(4);
        assertThat(events.dropped()).isZero();
        assertThat(pool.lent()).isZero();
        assertThat(pool.pooled()).isEqualTo(1); // one buffer, reused for every record
    }

    @Test
    void aPowerCutWhileJournallingGivesTheBufferBack() {
        events.sale(sale());
        storage.cutPowerAfter(3);
        assertThatThrownBy(() -> events.sale(sale())).isInstanceOf(PowerLossException.class);
        assertThat(pool.lent()).isZero();
        assertThatThrownBy(() -> events.dayClosed(1_789_948_800_000L, 1, 2, 3)).isInstanceOf(PowerLossException.class);
        assertThat(pool.lent()).isZero();
    }
}
