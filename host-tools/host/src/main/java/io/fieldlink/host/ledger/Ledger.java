package io.fieldlink.host.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only ledger of money events. Each event key is appended once: appending a key again
 * returns the index it already has. Checkpoints sign (size, root, time), with time never going
 * backwards. Thread-safe (one lock); appends are durable when they return.
 *
 * <p>Held appends ({@link #holdAppends}), for the host's single writer, which makes a group of
 * writes durable at once: an append is then held in memory. The writer sees held entries
 * ({@link #find}); readers ({@link #size}, {@link #entry}, {@link #indexOf}, proofs, checkpoints)
 * do not. At the group's end the writer either makes the held entries durable elsewhere (the host's
 * ingest log: {@link #held}, then {@link #publish}) — they are then visible to readers and kept in
 * memory until the next {@link #sync} writes them to the store — or {@link #sync}s: every held and
 * published entry written to the store with one {@code force}. So nothing is signed, forwarded or
 * shown before it is durable, and a crash loses only held entries, which nothing acknowledged
 * depends on. {@link #restore} re-appends a logged entry after a crash.
 */
public final class Ledger {
    /** Where an append landed, and whether it was new. */
    public record Appended(long index, boolean fresh) {
    }

    private final LedgerStore store;
    private final CheckpointSigner signer;
    private final MerkleTree tree = new MerkleTree();
    private final Map<String, Long> indexByKey = new HashMap<>();
    /** Appended, not durable yet (held appends only), in append order, and their keys to their indexes. */
    private final List<byte[]> held = new ArrayList<>();
    private final List<LedgerEntry> heldEntries = new ArrayList<>();
    private final Map<String, Long> heldByKey = new HashMap<>();
    /** Published (in the tree, durable elsewhere) but not in the store yet: entries {@code stored..tree.size()-1}. */
    private final List<byte[]> unstored = new ArrayList<>();
    /** Entries in the store. */
    private long stored;
    private boolean holding;
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
        ledger.stored = count;
        long checkpoints = store.checkpointCount();
        if (checkpoints > 0) {
            ledger.latest = Checkpoint.decode(new String(store.checkpoint(checkpoints - 1), StandardCharsets.US_ASCII));
        }
        return ledger;
    }

    /**
     * Appends an event unless its key is already in the ledger (published or held). Durable when it
     * returns, unless appends are held: then held until {@link #publish} or {@link #sync}.
     *
     * @throws IllegalArgumentException when the key is there with different content
     */
    public synchronized Appended append(LedgerEntry entry) {
        long existing = indexOfAny(entry.key());
        if (existing >= 0) {
            LedgerEntry stored = anyEntry(existing);
            if (!stored.equals(entry)) {
                throw new IllegalArgumentException("ledger key " + entry.key() + " already holds a different event: " + stored);
            }
            return new Appended(existing, false);
        }
        byte[] bytes = entry.encode();
        if (holding) {
            long index = tree.size() + held.size();
            held.add(bytes);
            heldEntries.add(entry);
            heldByKey.put(entry.key(), index);
            return new Appended(index, true);
        }
        writeUnstored();
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
        stored = index + 1;
        return new Appended(index, true);
    }

    /**
     * From now on {@link #append} holds entries in memory until {@link #sync}. For the single writer
     * that syncs at the end of every group of writes, before it acknowledges any of them.
     */
    public synchronized void holdAppends() {
        holding = true;
    }

    /** @return the encodings of the held entries, oldest first (to make them durable elsewhere, then {@link #publish}) */
    public synchronized List<byte[]> held() {
        return new ArrayList<>(held);
    }

    /**
     * The first {@code n} held entries are durable elsewhere now: readers see them from here on;
     * they stay in memory until {@link #sync} writes them to the store.
     */
    public synchronized void publish(int n) {
        if (n < 0 || n > held.size()) {
            throw new IllegalArgumentException("cannot publish " + n + " of " + held.size() + " held entries");
        }
        for (int i = 0; i < n; i++) {
            long index = tree.append(MerkleHashing.leafHash(held.get(i)));
            indexByKey.put(heldEntries.get(i).key(), index);
            heldByKey.remove(heldEntries.get(i).key());
            unstored.add(held.get(i));
        }
        held.subList(0, n).clear();
        heldEntries.subList(0, n).clear();
    }

    /**
     * Publishes every held entry and writes every entry not in the store yet to it with one sync; a
     * no-op when there is none.
     *
     * @throws UncheckedIOException when the store fails (the entries stay as they were)
     */
    public synchronized void sync() {
        if (held.isEmpty() && unstored.isEmpty()) {
            return;
        }
        List<byte[]> all = new ArrayList<>(unstored);
        all.addAll(held);
        try {
            long first = store.appendEntries(all);
            if (first != stored) {
                throw new IllegalStateException("ledger store put entries at " + first + ", expected " + stored);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the ledger", e);
        }
        publish(held.size());
        stored += all.size();
        unstored.clear();
    }

    /**
     * Appends an entry made durable elsewhere before a crash ({@link #held}) again, unless its key
     * is in the ledger: as {@link #append} of the decoded entry.
     *
     * @throws IllegalArgumentException when the bytes do not decode or the key holds a different event
     */
    public synchronized Appended restore(byte[] encoded) {
        return append(LedgerEntry.decode(encoded));
    }

    /** Forgets every held entry (they were never durable). */
    public synchronized void dropHeld() {
        held.clear();
        heldEntries.clear();
        heldByKey.clear();
    }

    /** @return entries appended and not published yet */
    public synchronized int heldCount() {
        return held.size();
    }

    /**
     * For the writer: the entry under {@code key}, published or held, if any.
     */
    public synchronized java.util.Optional<LedgerEntry> find(String key) {
        long index = indexOfAny(key);
        return index < 0 ? java.util.Optional.empty() : java.util.Optional.of(anyEntry(index));
    }

    private long indexOfAny(String key) {
        Long index = indexByKey.get(key);
        if (index == null) {
            index = heldByKey.get(key);
        }
        return index == null ? -1 : index;
    }

    private LedgerEntry anyEntry(long index) {
        return index >= tree.size() ? heldEntries.get((int) (index - tree.size())) : entry(index);
    }

    /** @return entries published (held ones are not counted) */
    public synchronized long size() {
        return tree.size();
    }

    public synchronized byte[] root() {
        return tree.root();
    }

    public synchronized LedgerEntry entry(long index) {
        if (index >= stored && index < tree.size()) {
            return LedgerEntry.decode(unstored.get((int) (index - stored)));
        }
        try {
            return LedgerEntry.decode(store.entry(index));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read ledger entry " + index, e);
        }
    }

    /** The index of the published event with this key, or -1. */
    public synchronized long indexOf(String key) {
        Long index = indexByKey.get(key);
        return index == null ? -1 : index;
    }

    /**
     * Signs and stores a checkpoint of the current tree; its time is {@code nowMillis} or the last
     * one's, whichever is later. Entries published and not in the store yet are written to it first,
     * so the store never holds a checkpoint beyond its entries.
     */
    public synchronized Checkpoint checkpoint(long nowMillis) {
        writeUnstored();
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

    private void writeUnstored() {
        if (unstored.isEmpty()) {
            return;
        }
        try {
            long first = store.appendEntries(unstored);
            if (first != stored) {
                throw new IllegalStateException("ledger store put entries at " + first + ", expected " + stored);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the ledger", e);
        }
        stored += unstored.size();
        unstored.clear();
    }

    public synchronized long checkpointCount() {
        try {
            return store.checkpointCount();
        } catch (IOException e) {
            throw new UncheckedIOException("could not count ledger checkpoints", e);
        }
    }

    /** The {@code index}-th checkpoint ever made, oldest first. */
    public synchronized Checkpoint checkpointAt(long index) {
        try {
            return Checkpoint.decode(new String(store.checkpoint(index), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read ledger checkpoint " + index, e);
        }
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
