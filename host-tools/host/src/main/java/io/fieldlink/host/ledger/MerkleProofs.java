package io.fieldlink.host.ledger;

import java.util.Arrays;
import java.util.List;

/**
 * Verification of inclusion and consistency proofs, following RFC 9162 §2.1.3.2 and §2.1.4.2 to the
 * letter: a proof is valid only if it has exactly the expected length and reproduces the roots.
 */
public final class MerkleProofs {
    private MerkleProofs() {
    }

    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashing.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHashing.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < size1) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && Arrays.equals(root1, root2);
        }
        if (size1 == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        int next = 0;
        byte[] first;
        if (Long.bitCount(size1) == 1) {
            first = root1;
        } else {
            first = proof.get(next++);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = first;
        byte[] sr = first;
        for (; next < proof.size(); next++) {
            byte[] c = proof.get(next);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashing.nodeHash(c, fr);
                sr = MerkleHashing.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHashing.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, root1) && Arrays.equals(sr, root2);
    }
}
