package io.fieldlink.host.ingest;

/**
 * Told of every uplink the moment it is newly stored — inside the same commit, on the committer's
 * thread, never for a duplicate — so a projection (accounts, station books, production, the
 * ledger feed, alerts) sees each record exactly once and atomically with the record itself.
 * Implementations must be quick and must not block; what they write through the store is part of
 * the same commit. A listener that throws fails the whole commit (the device is not acknowledged
 * and sends again), so throw only for a store failure, never for a record you do not care about.
 */
@FunctionalInterface
public interface StoredUplinkListener {
    /** @param uplink newly stored, with the device id, seq, readings and events */
    void stored(Uplink uplink);
}
