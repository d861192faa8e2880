package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.journal.Journal;
import org.junit.jupiter.api.Test;

class LatchSnapshotTest {
    private final MemoryHal hal = new MemoryHal();
    private final Journal journal = Journal.open(hal.storage().area("journal"), hal.storage().area("snapshot"));
    private final RecordingWellEvents events = new RecordingWellEvents();
    private final LatchSnapshot snapshot = new LatchSnapshot(journal, events);

    @Test
    void aTripCommitsLatchedAndOnlyASuccessfulResetClearsIt() {
        assertThat(LatchSnapshot.latched(journal)).isFalse();
        snapshot.shutIn(ShutInCause.PSH, 14_000_000, 1);
        assertThat(LatchSnapshot.latched(journal)).isTrue();
        snapshot.shutInReset(ResetOutcome.REFUSED_CONDITION_PRESENT, ResetRequest.Source.CONSOLE, "t", 2);
        assertThat(LatchSnapshot.latched(Journal.open(hal.storage().area("journal"), hal.storage().area("snapshot"))))
                .isTrue();
        snapshot.shutInReset(ResetOutcome.RESET, ResetRequest.Source.CONSOLE, "t", 3);
        assertThat(LatchSnapshot.latched(journal)).isFalse();
        assertThat(events.starting("shutIn")).hasSize(1);
    }

    @Test
    void aForeignSnapshotIsAnErrorNotAClearWell() {
        journal.commit(new byte[] {9, 9, 9}, 0, 3);
        assertThatThrownBy(() -> LatchSnapshot.latched(journal)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3-byte state");
    }
}
