package io.fieldlink.host.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 hashing: leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right), and the
 * empty tree's root SHA-256(""). Thread-safe.
 */
public final class MerkleHashing {
    /** Length of every hash, in bytes. */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHashing() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        sha.update(data);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
