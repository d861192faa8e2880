package io.fieldlink.host.billing;

import java.util.NavigableMap;

/**
 * Where billing keeps its books: named sorted tables of text keys to JSON text. Writes must happen
 * inside a store write (on the committer thread, in the same commit as the change they belong to,
 * e.g. the uplink a projection is told of); reads may happen on any thread. Implementations live in
 * {@code host.store}; tests may use in-memory maps.
 */
@FunctionalInterface
public interface Tables {
    /** @return the table named {@code name}, created when absent */
    NavigableMap<String, String> table(String name);

    /**
     * Asks to be told of the store's commits and rollbacks, so that {@code books} may keep changes
     * in memory until the next commit ({@link WriteBehind}). Call during start-up.
     *
     * @return false when these tables have no commits to tell of (e.g. in-memory tables): write
     *         through then
     */
    default boolean writeBehind(WriteBehind books) {
        return false;
    }
}
