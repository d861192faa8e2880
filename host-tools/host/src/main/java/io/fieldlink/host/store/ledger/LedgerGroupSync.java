package io.fieldlink.host.store.ledger;

import io.fieldlink.host.ledger.Ledger;
import io.fieldlink.host.store.CommitHook;
import io.fieldlink.host.store.HostStore;
import org.tinylog.Logger;

/**
 * Makes the ledger's appends durable with the committer's groups instead of one {@code force} each:
 * the ledger holds what a group appends ({@link Ledger#holdAppends}) and this hook syncs it, with one
 * {@code force}, when the group ends ({@link #beforeFlush}, before the ingest log's append and sync)
 * or before a store commit ({@link #beforeCommit}), so before the group is acknowledged. The order on
 * disk is: ledger, then the ingest log (or the store commit), then the Ack. A crash before the ledger
 * sync loses the held entries together with the group, which was not acknowledged (the device sends
 * again, the entries are appended then); a crash after it leaves the ledger ahead, as before (the books
 * find the keys and adopt the entries when the cause comes again or the log is replayed). After a
 * rollback (a write of the group failed) what the group held is synced too, as when every append
 * was durable at once: the ledger is ahead, the books adopt it later.
 */
public final class LedgerGroupSync implements CommitHook {
    private final Ledger ledger;

    private LedgerGroupSync(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Lets the ledger hold appends and registers the hook that syncs them. Call during start-up,
     * before the ingest log is replayed; append to the ledger only on the committer thread from then on.
     */
    public static void install(HostStore store, Ledger ledger) {
        ledger.holdAppends();
        store.addCommitHook(new LedgerGroupSync(ledger));
    }

    @Override
    public void beforeFlush() {
        ledger.sync();
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
