package io.fieldlink.host.store.billing;

import io.fieldlink.host.billing.Tables;
import io.fieldlink.host.billing.WriteBehind;
import io.fieldlink.host.store.CommitHook;
import io.fieldlink.host.store.HostStore;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Billing tables as MapDB tree maps named {@code billing.<table>} in the host store: written inside
 * the committer's transactions, so a table change commits (or rolls back) with the write it is part of.
 */
public final class StoreTables implements Tables {
    private final HostStore store;
    private final Map<String, NavigableMap<String, String>> open = new ConcurrentHashMap<>();

    public StoreTables(HostStore store) {
        this.store = store;
    }

    @Override
    public NavigableMap<String, String> table(String name) {
        return open.computeIfAbsent(name, n -> store.documentMap("billing." + n));
    }

    /** Registers {@code books} as a store commit hook that keeps its changes in memory over flushes. */
    @Override
    public boolean writeBehind(WriteBehind books) {
        store.addCommitHook(new CommitHook() {
            @Override
            public void beforeFlush() {
                // kept in memory until the checkpoint; its readers read it there
            }

            @Override
            public void beforeCommit() {
                books.writeOut();
            }

            @Override
            public void afterCommit() {
                books.written();
            }

            @Override
            public void afterRollback() {
                books.dropped();
            }
        });
        return true;
    }
}
