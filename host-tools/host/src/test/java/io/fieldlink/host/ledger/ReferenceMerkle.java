package io.fieldlink.host.ledger;

import java.util.ArrayList;
import java.util.List;

/** RFC 9162 §2.1 written as the RFC states it, recursively over a list: the reference the fast tree must match. */
final class ReferenceMerkle {
    private ReferenceMerkle() {
    }

    static byte[] mth(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return MerkleHashing.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(n - 1);
        return MerkleHashing.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
    }

    static List<byte[]> path(int m, List<byte[]> leaves) {
        int n = leaves.size();
        List<byte[]> proof = new ArrayList<>();
        if (n == 1) {
            return proof;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            proof.addAll(path(m, leaves.subList(0, k)));
            proof.add(mth(leaves.subList(k, n)));
        } else {
            proof.addAll(path(m - k, leaves.subList(k, n)));
            proof.add(mth(leaves.subList(0, k)));
        }
        return proof;
    }

    static List<byte[]> proof(int m, List<byte[]> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
        int n = leaves.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(leaves));
            }
            return proof;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            proof.addAll(subproof(m, leaves.subList(0, k), b));
            proof.add(mth(leaves.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, leaves.subList(k, n), false));
            proof.add(mth(leaves.subList(0, k)));
        }
        return proof;
    }
}
