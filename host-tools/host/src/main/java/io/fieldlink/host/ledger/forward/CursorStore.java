package io.fieldlink.host.ledger.forward;

import java.io.IOException;

/** Durable delivery cursors, one per endpoint: what has been delivered, so a restart resumes there. */
public interface CursorStore {
    /** The cursor saved for {@code endpoint}, or the start for a new one. */
    Cursor load(String endpoint) throws IOException;

    /** Saves atomically: after a crash either the old or the new cursor is there. */
    void save(String endpoint, Cursor cursor) throws IOException;

    /**
     * How far delivery has got.
     *
     * @param entries entries delivered: 0..entries-1
     * @param checkpoints checkpoints delivered: 0..checkpoints-1
     */
    record Cursor(long entries, long checkpoints) {
        public static final Cursor START = new Cursor(0, 0);
    }
}
