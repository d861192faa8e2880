package io.fieldlink.host.store;

/**
 * Something that gathers writes in memory during a transaction (rollups, watermarks, last-seen
 * times) and writes each touched entry once, just before the commit. Both methods run on the
 * committer thread.
 */
public interface CommitHook {
    /** Writes what was gathered since the last commit or rollback into the store. */
    void beforeCommit();

    /** The commit holding what {@link #beforeCommit} wrote succeeded. */
    default void afterCommit() {
    }

    /** Forgets what was gathered since the last commit: the transaction was rolled back. */
    void afterRollback();
}
