package io.fieldlink.host.store;

import java.util.List;

/**
 * A component whose changes a group makes are held in memory and made durable by the group's ingest
 * log append (one {@code force} with the group's writes) instead of a sync of its own; registered
 * with {@link Committer#addLoggedSource}. At a group's end the committer logs what
 * {@link #unlogged} returns before the group's own entries, then tells {@link #logged}; after a
 * crash the replay hands each such entry back to {@link #replay}, in log order, before the entries
 * logged after it. Since the log is deleted up to a checkpoint, the component must write what it
 * holds to its own durable store in a {@link CommitHook#beforeCommit}. Every method runs on the
 * committer thread.
 */
public interface LoggedSource {
    /** @return the entries to log for the changes made since the last {@link #logged}, oldest first */
    List<byte[]> unlogged();

    /** The first {@code n} entries {@link #unlogged} returned are durable in the ingest log now. */
    void logged(int n);

    /**
     * Re-applies a logged entry (at start-up or after a rollback).
     *
     * @throws RuntimeException when the entry cannot be applied
     */
    void replay(byte[] entry);
}
