package io.fieldlink.protocol.token;

import io.fieldlink.protocol.crypto.Crypto;
import io.fieldlink.protocol.crypto.Hex;
import java.util.HashMap;
import java.util.Map;

/**
 * The issuer public keys a device was provisioned with, by key id. Filled at start-up, then only read:
 * not thread-safe for concurrent {@link #add}.
 */
public final class TrustedKeys {
    /** Longest key id accepted, in bytes. */
    public static final int MAX_KEY_ID_LENGTH = 32;

    private final Map<String, byte[]> keys = new HashMap<String, byte[]>();

    /**
     * Trusts {@code publicKey} under {@code keyId}, replacing any key with that id.
     *
     * @return this
     * @throws IllegalArgumentException when the key is not 32 bytes or the id is empty or too long
     */
    public TrustedKeys add(byte[] keyId, byte[] publicKey) {
        if (publicKey.length != Crypto.ED25519_PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + publicKey.length);
        }
        if (keyId.length == 0 || keyId.length > MAX_KEY_ID_LENGTH) {
            throw new IllegalArgumentException("key id must be 1 to " + MAX_KEY_ID_LENGTH + " bytes, got "
                    + keyId.length);
        }
        keys.put(Hex.encode(keyId), publicKey.clone());
        return this;
    }

    /** Returns the public key trusted under {@code keyId} (not a copy: do not change it), or {@code null}. */
    byte[] find(byte[] keyId) {
        return keys.get(Hex.encode(keyId));
    }

    /** Returns whether a key is trusted under {@code keyId}. */
    public boolean contains(byte[] keyId) {
        return keys.containsKey(Hex.encode(keyId));
    }

    /** Returns the number of trusted keys. */
    public int size() {
        return keys.size();
    }
}
