package io.fieldlink.host.store;

/**
 * Something that gathers writes in memory during a transaction (rollups, watermarks, last-seen
 * times) and writes each touched entry once, just before the commit. With the ingest log a
 * transaction spans many groups (one checkpoint): at the end of each group the hook is told to
 * {@link #beforeFlush publish} what it gathered to its readers, and a write-behind hook writes into
 * the store only at the checkpoint's {@link #beforeCommit}. Every method runs on the committer thread.
 */
public interface CommitHook {
    /** Writes what was gathered since the last commit or rollback into the store. */
    void beforeCommit();

    /**
     * The end of a group that is made durable without a commit (by the ingest log): what was
     * gathered must be visible to readers from now on. By default written into the store like
     * {@link #beforeCommit}; a write-behind hook keeps it in memory until the next commit instead.
     */
    default void beforeFlush() {
        beforeCommit();
    }

    /**
     * Between groups (with the ingest log): a write-behind hook may write a little of what it holds
     * into the store ahead of the checkpoint (uncommitted, so a rollback still drops it), so the
     * checkpoint's {@link #beforeCommit} has less left to write. What it writes ahead must not change
     * what the commit ends up holding. By default nothing.
     */
    default void writeAhead() {
    }

    /** The commit holding what {@link #beforeCommit} wrote succeeded. */
    default void afterCommit() {
    }

    /** Forgets what was gathered since the last commit: the transaction was rolled back. */
    void afterRollback();
}
