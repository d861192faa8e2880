package io.fieldlink.firmware.meter;

import io.fieldlink.firmware.journal.Journal;

/**
 * A {@link MeterStore} on the board journal's committed snapshot (A/B slots with CRC, so a commit
 * cut by power loss leaves the previous snapshot). The meter owns the whole snapshot: on a meter
 * board nothing else commits state to this journal. After a storage exception the journal must be
 * reopened (a reboot), as {@link Journal} says.
 */
public final class JournalMeterStore implements MeterStore {

    private final Journal journal;

    /**
     * A store on {@code journal}.
     *
     * @throws IllegalArgumentException if the journal's snapshot slots cannot hold a meter snapshot
     */
    public JournalMeterStore(Journal journal) {
        if (journal.maxStateLength() < MeterSnapshot.MAX_SIZE) {
            throw new IllegalArgumentException("journal snapshot holds " + journal.maxStateLength()
                    + " bytes, a meter needs " + MeterSnapshot.MAX_SIZE);
        }
        this.journal = journal;
    }

    @Override
    public int load(byte[] into) {
        if (journal.stateLength() == 0) {
            return -1;
        }
        return journal.readState(into, 0);
    }

    @Override
    public void commit(byte[] data, int len) {
        journal.commit(data, 0, len);
    }
}
