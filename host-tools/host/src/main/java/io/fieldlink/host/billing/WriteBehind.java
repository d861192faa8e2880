package io.fieldlink.host.billing;

/**
 * Books a feature keeps in memory between the store's commits (with the ingest log: checkpoints)
 * instead of writing them into a {@link Tables} table on every change. Told by the tables when to
 * write them out and when to forget them; every method runs on the committer thread.
 */
public interface WriteBehind {
    /** The store commits next: write everything changed since the last commit into the tables now. */
    void writeOut();

    /** The commit that holds what {@link #writeOut} wrote succeeded: the tables hold it now. */
    void written();

    /**
     * The store was rolled back to its last commit: forget everything changed since (what was
     * acknowledged is re-applied from the ingest log through the same code).
     */
    void dropped();
}
