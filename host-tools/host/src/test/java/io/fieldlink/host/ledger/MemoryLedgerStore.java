package io.fieldlink.host.ledger;

import java.util.ArrayList;
import java.util.List;

/** A ledger store in memory, with a tamper hook, for tests. */
final class MemoryLedgerStore implements LedgerStore {
    final List<byte[]> entries = new ArrayList<>();
    final List<byte[]> checkpoints = new ArrayList<>();

    @Override
    public long appendEntry(byte[] entry) {
        entries.add(entry.clone());
        return entries.size() - 1L;
    }

    @Override
    public long entryCount() {
        return entries.size();
    }

    @Override
    public byte[] entry(long index) {
        return entries.get((int) index).clone();
    }

    @Override
    public void appendCheckpoint(byte[] checkpoint) {
        checkpoints.add(checkpoint.clone());
    }

    @Override
    public long checkpointCount() {
        return checkpoints.size();
    }

    @Override
    public byte[] checkpoint(long index) {
        return checkpoints.get((int) index).clone();
    }

    @Override
    public void close() {
    }
}
