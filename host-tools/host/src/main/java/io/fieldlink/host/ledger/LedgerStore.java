package io.fieldlink.host.ledger;

import java.io.IOException;
import java.util.List;

/**
 * Where the ledger keeps its entries and checkpoints: two append-only sequences of byte records.
 * {@code append} returns only when the record is durable. Implementations live in adapter packages.
 */
public interface LedgerStore extends AutoCloseable {
    /** Appends an encoded entry durably; returns its index. */
    long appendEntry(byte[] entry) throws IOException;

    /**
     * Appends encoded entries durably, in order, with one sync for all of them where the store can
     * (by default one {@link #appendEntry} each, so a failure may leave the first ones appended).
     *
     * @return the index of the first
     */
    default long appendEntries(List<byte[]> entries) throws IOException {
        long first = entryCount();
        for (byte[] e : entries) {
            appendEntry(e);
        }
        return first;
    }

    long entryCount() throws IOException;

    byte[] entry(long index) throws IOException;

    /** Appends an encoded checkpoint durably. */
    void appendCheckpoint(byte[] checkpoint) throws IOException;

    long checkpointCount() throws IOException;

    byte[] checkpoint(long index) throws IOException;

    @Override
    void close() throws IOException;
}
