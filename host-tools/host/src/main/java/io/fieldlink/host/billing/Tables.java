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
}
