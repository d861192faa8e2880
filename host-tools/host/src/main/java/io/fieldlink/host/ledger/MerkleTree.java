package io.fieldlink.host.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree over leaf hashes, append-only, answering roots, inclusion proofs and consistency
 * proofs for any past size in O(log n) hash operations (RFC 9162 §2.1). It keeps the hash of every
 * complete, aligned subtree ({@code levels.get(h).get(i)} covers leaves {@code [i·2^h, (i+1)·2^h)}), so
 * memory is about two hashes per leaf. Not thread-safe: the ledger serialises access.
 */
public final class MerkleTree {
    private final List<List<byte[]>> levels = new ArrayList<>();

    public MerkleTree() {
        levels.add(new ArrayList<>());
    }

    /** Appends a leaf hash; returns its index. */
    public long append(byte[] leafHash) {
        if (leafHash.length != MerkleHashing.HASH_LENGTH) {
            throw new IllegalArgumentException("leaf hash must be 32 bytes, was " + leafHash.length);
        }
        List<byte[]> leaves = levels.get(0);
        leaves.add(leafHash.clone());
        int index = leaves.size() - 1;
        for (int level = 0; index % 2 == 1; level++) {
            List<byte[]> below = levels.get(level);
            if (levels.size() == level + 1) {
                levels.add(new ArrayList<>());
            }
            levels.get(level + 1).add(MerkleHashing.nodeHash(below.get(index - 1), below.get(index)));
            index /= 2;
        }
        return leaves.size() - 1L;
    }

    public long size() {
        return levels.get(0).size();
    }

    public byte[] leafHash(long index) {
        checkIndex(index, size());
        return levels.get(0).get((int) index).clone();
    }

    /** The root of the tree as it was at {@code size} leaves (MTH of RFC 9162 §2.1.1). */
    public byte[] root(long size) {
        checkSize(size);
        return size == 0 ? MerkleHashing.emptyRoot() : subtree(0, size);
    }

    public byte[] root() {
        return root(size());
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves (PATH of RFC 9162 §2.1.3.1). */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        checkIndex(index, size);
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** The proof that the tree of {@code size1} leaves is a prefix of the one of {@code size2} (RFC 9162 §2.1.4.1). */
    public List<byte[]> consistencyProof(long size1, long size2) {
        checkSize(size2);
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("consistency needs 0 <= size1 <= size2, was " + size1 + " and " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long end, List<byte[]> proof) {
        if (end - start == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(end - start);
        if (index - start < k) {
            path(index, start, start + k, proof);
            proof.add(subtree(start + k, end));
        } else {
            path(index, start + k, end, proof);
            proof.add(subtree(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean startsFromOldRoot, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!startsFromOldRoot) {
                proof.add(subtree(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, startsFromOldRoot, proof);
            proof.add(subtree(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(subtree(start, start + k));
        }
    }

    /** MTH of leaves {@code [start, end)}, end > start. */
    private byte[] subtree(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return levels.get(level).get((int) (start >>> level));
        }
        long k = largestPowerOfTwoBelow(n);
        return MerkleHashing.nodeHash(subtree(start, start + k), subtree(start + k, end));
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("tree size " + size + " is outside 0.." + size());
        }
    }

    private static void checkIndex(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of " + size + " leaves");
        }
    }
}
