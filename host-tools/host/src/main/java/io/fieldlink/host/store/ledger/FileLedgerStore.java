package io.fieldlink.host.store.ledger;

import io.fieldlink.host.ledger.LedgerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ledger in a directory: {@code entries.log} and {@code checkpoints.log}, append-only record
 * files forced to disk on every append (one force for a batch of entries). Thread-safe (one lock).
 */
public final class FileLedgerStore implements LedgerStore {
    private final RecordFile entries;
    private final RecordFile checkpoints;

    private FileLedgerStore(RecordFile entries, RecordFile checkpoints) {
        this.entries = entries;
        this.checkpoints = checkpoints;
    }

    public static FileLedgerStore open(Path directory) throws IOException {
        Files.createDirectories(directory);
        RecordFile entries = RecordFile.open(directory.resolve("entries.log"));
        try {
            return new FileLedgerStore(entries, RecordFile.open(directory.resolve("checkpoints.log")));
        } catch (IOException | RuntimeException e) {
            entries.close();
            throw e;
        }
    }

    @Override
    public synchronized long appendEntry(byte[] entry) throws IOException {
        return entries.append(entry);
    }

    /** Appends the entries with one {@code force}; on failure none of them is in the file. */
    @Override
    public synchronized long appendEntries(java.util.List<byte[]> batch) throws IOException {
        return entries.appendAll(batch);
    }

    @Override
    public synchronized long entryCount() {
        return entries.count();
    }

    @Override
    public synchronized byte[] entry(long index) throws IOException {
        return entries.read(index);
    }

    @Override
    public synchronized void appendCheckpoint(byte[] checkpoint) throws IOException {
        checkpoints.append(checkpoint);
    }

    @Override
    public synchronized long checkpointCount() {
        return checkpoints.count();
    }

    @Override
    public synchronized byte[] checkpoint(long index) throws IOException {
        return checkpoints.read(index);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            entries.close();
        } finally {
            checkpoints.close();
        }
    }
}
