package io.fieldlink.host.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only ledger of money events. Each event key is appended once: appending a key again
 * returns the index it already has. Checkpoints sign (size, root, time), with time never going
 * backwards. Thread-safe (one lock); appends are durable when they return.
 */
public final class Ledger {
    /** Where an append landed, and whether it was new. */
    public record Appended(long index, boolean fresh) {
    }

    private final LedgerStore store;
    private final CheckpointSigner signer;
    private final MerkleTree tree = new MerkleTree();
    private final Map<String, Long> indexByKey = new HashMap<>();
    private Checkpoint latest;

    private Ledger(LedgerStore store, CheckpointSigner signer) {
        this.store = store;
        this.signer = signer;
    }

    /** Opens a ledger over a store, rebuilding the tree and the key index from the stored entries. */
    public static Ledger open(LedgerStore store, CheckpointSigner signer) throws IOException {
        Ledger ledger = new Ledger(store, signer);
        long count = store.entryCount();
        for (long i = 0; i < count; i++) {
            byte[] bytes = store.entry(i);
            LedgerEntry entry;
            try {
                entry = LedgerEntry.decode(bytes);
            } catch (IllegalArgumentException e) {
                throw new IOException("ledger entry " + i + " does not decode: " + e.getMessage(), e);
            }
            ledger.tree.append(MerkleHashing.leafHash(bytes));
            ledger.indexByKey.put(entry.key(), i);
        }
        long checkpoints = store.checkpointCount();
        if (checkpoints > 0) {
            ledger.latest = Checkpoint.decode(new String(store.checkpoint(checkpoints - 1), StandardCharsets.US_ASCII));
        }
        return ledger;
    }

    /**
     * Appends an event unless its key is already in the ledger.
     *
     * @throws IllegalArgumentException when the key is there with different content
     */
    public synchronized Appended append(LedgerEntry entry) {
        Long existing = indexByKey.get(entry.key());
        if (existing != null) {
            LedgerEntry stored = entry(existing);
            if (!stored.equals(entry)) {
                throw new IllegalArgumentException("ledger key " + entry.key() + " already holds a different event: " + stored);
            }
            return new Appended(existing, false);
        }
        byte[] bytes = entry.encode();
        try {
            long index = store.appendEntry(bytes);
            if (index != tree.size()) {
                throw new IllegalStateException("ledger store put entry at " + index + ", expected " + tree.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the ledger", e);
        }
        long index = tree.append(MerkleHashing.leafHash(bytes));
        indexByKey.put(entry.key(), index);
        return new Appended(index, true);
    }

    public synchronized long size() {
        return tree.size();
    }

    public synchronized byte[] root() {
        return tree.root();
    }

    public synchronized LedgerEntry entry(long index) {
        try {
            return LedgerEntry.decode(store.entry(index));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read ledger entry " + index, e);
        }
    }

    /** The index of the event with this key, or -1. */
    public synchronized long indexOf(String key) {
        Long index = indexByKey.get(key);
        return index == null ? -1 : index;
    }

    /** Signs and stores a checkpoint of the current tree; its time is {@code nowMillis} or the last one's, whichever is later. */
    public synchronized Checkpoint checkpoint(long nowMillis) {
        long time = latest == null ? nowMillis : Math.max(nowMillis, latest.timeMillis());
        long size = tree.size();
        byte[] root = tree.root();
        byte[] signature = signer.sign(Checkpoint.signedMessage(size, root, time));
        Checkpoint checkpoint = new Checkpoint(size, root, time, signer.keyId(), signature);
        try {
            store.appendCheckpoint(checkpoint.encode().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a ledger checkpoint", e);
        }
        latest = checkpoint;
        return checkpoint;
    }

    /** The newest checkpoint, or null before the first. */
    public synchronized Checkpoint latestCheckpoint() {
        return latest;
    }

    public synchronized List<byte[]> inclusionProof(long index, long size) {
        return tree.inclusionProof(index, size);
    }

    public synchronized List<byte[]> consistencyProof(long size1, long size2) {
        return tree.consistencyProof(size1, size2);
    }

    public synchronized byte[] leafHash(long index) {
        return tree.leafHash(index);
    }
}
