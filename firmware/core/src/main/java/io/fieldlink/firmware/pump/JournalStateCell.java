package io.fieldlink.firmware.pump;

import io.fieldlink.firmware.journal.Journal;

/**
 * A {@link PersistentCell} over the journal's committed state snapshot (A/B slots, power-fail
 * safe). The pump keeps its used-booking memory there. Event loop only.
 */
public final class JournalStateCell implements PersistentCell {
    private final Journal journal;

    public JournalStateCell(Journal journal) {
        if (journal == null) {
            throw new IllegalArgumentException("journal: null");
        }
        this.journal = journal;
    }

    @Override
    public byte[] read() {
        byte[] state = new byte[journal.stateLength()];
        journal.readState(state, 0);
        return state;
    }

    /** @throws IllegalArgumentException when the content is longer than the journal's state slot */
    @Override
    public void write(byte[] content) {
        journal.commit(content, 0, content.length);
    }
}
