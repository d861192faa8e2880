package io.fieldlink.host.store.ledger;

import io.fieldlink.host.ledger.Ledger;
import io.fieldlink.host.store.CommitHook;
import io.fieldlink.host.store.Committer;
import io.fieldlink.host.store.HostStore;
import io.fieldlink.host.store.LoggedSource;
import java.util.List;
import org.tinylog.Logger;

/**
 * Makes the ledger's appends durable with the committer's groups instead of one {@code force} each.
 * The ledger holds what a group appends ({@link Ledger#holdAppends}). With the ingest log, the held
 * entries go into the log with the group's own entries (before them), under the one {@code force}
 * of the group, and are published to the ledger's readers once that append is durable; the ledger
 * file gets them with one {@code force} at the next store checkpoint ({@link #beforeCommit}, before
 * the log up to it is deleted), or when a ledger checkpoint is signed. After a crash the log's replay
 * restores them, in their order, before the uplinks that caused them are re-applied (which then find
 * their keys). Without the ingest log, the held entries are synced to the ledger file before each
 * store commit. Either way an entry is durable before its group is acknowledged, and a crash loses
 * only held entries of a group that was not acknowledged (its device sends again). After a rollback
 * (a write of the group failed) what the group held is synced to the file, as when every append was
 * durable at once: the ledger is ahead, and the books adopt the entries when their cause comes again.
 */
public final class LedgerGroupSync implements CommitHook, LoggedSource {
    /** The ledger's entries in the ingest log are named so. */
    public static final String SOURCE = "ledger";
    private final Ledger ledger;

    private LedgerGroupSync(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Lets the ledger hold appends and registers what makes them durable. Call during start-up,
     * before the ingest log is replayed; append to the ledger only on the committer thread from then on.
     */
    public static void install(HostStore store, Committer committer, Ledger ledger) {
        ledger.holdAppends();
        LedgerGroupSync sync = new LedgerGroupSync(ledger);
        store.addCommitHook(sync);
        committer.addLoggedSource(SOURCE, sync);
    }

    @Override
    public List<byte[]> unlogged() {
        return ledger.held();
    }

    @Override
    public void logged(int n) {
        ledger.publish(n);
    }

    @Override
    public void replay(byte[] entry) {
        ledger.restore(entry);
    }

    @Override
    public void beforeFlush() {
        // with the ingest log: logged with the group (unlogged/logged)
    }

    @Override
    public void beforeCommit() {
        ledger.sync();
    }

    @Override
    public void afterRollback() {
        try {
            ledger.sync();
        } catch (RuntimeException e) {
            // never acknowledged: the causes come again and append them then
            Logger.warn(e, "cannot sync the ledger entries of a rolled-back group; dropped");
            ledger.dropHeld();
        }
    }
}
