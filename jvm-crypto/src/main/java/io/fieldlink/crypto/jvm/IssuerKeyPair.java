package io.fieldlink.crypto.jvm;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cose.Signer;
import io.fieldlink.protocol.crypto.Crypto;
import io.fieldlink.protocol.crypto.Hex;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A token issuer's Ed25519 key pair (RFC 8032): the 32-byte private seed, the 32-byte public key, and
 * the key id devices look the public key up by.
 *
 * <p><b>Key id</b>: the first {@value #KEY_ID_LENGTH} bytes of SHA-256 of the 32-byte public key
 * ({@link #keyIdOf(byte[])}), so anyone holding the public key derives the same id.
 *
 * <p><b>Persisted form</b> ({@link #toPersistedText()} / {@link #fromPersistedText(String)}): the
 * one line {@code ed25519-seed:} followed by the 64 lower-case hex digits of the private seed. The
 * public key and the key id follow from the seed. The file holding it is a secret: keep it readable by
 * the issuing service only. Public keys travel as 64 hex digits ({@link #publicKeyHex()}).
 *
 * <p>Immutable and thread-safe; getters return copies.
 */
public final class IssuerKeyPair implements Signer {

    /** Length of a key id in bytes. */
    public static final int KEY_ID_LENGTH = 8;

    /** The prefix of the persisted form. */
    public static final String PERSISTED_PREFIX = "ed25519-seed:";

    private final byte[] seed;
    private final byte[] publicKey;
    private final byte[] keyId;

    private IssuerKeyPair(byte[] seed) {
        this.seed = seed.clone();
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
        this.keyId = keyIdOf(publicKey);
    }

    /** Generates a new key pair with 32 bytes from {@code random}. */
    public static IssuerKeyPair generate(SecureRandom random) {
        byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(random, seed);
        try {
            return new IssuerKeyPair(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Rebuilds the key pair of a 32-byte RFC 8032 private key (seed).
     *
     * @throws IllegalArgumentException when {@code seed} is not 32 bytes
     */
    public static IssuerKeyPair fromSeed(byte[] seed) {
        if (seed.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + seed.length);
        }
        return new IssuerKeyPair(seed);
    }

    /**
     * Reads the persisted form (surrounding white space ignored).
     *
     * @throws ProtocolException when the prefix is missing or the rest is not 64 hex digits
     */
    public static IssuerKeyPair fromPersistedText(String text) {
        String t = text.trim();
        if (!t.startsWith(PERSISTED_PREFIX)) {
            throw new ProtocolException("issuer key: expected the prefix '" + PERSISTED_PREFIX + "'");
        }
        byte[] seed = Hex.decode(t.substring(PERSISTED_PREFIX.length()));
        if (seed.length != Ed25519.SECRET_KEY_SIZE) {
            throw new ProtocolException("issuer key: seed must be 64 hex digits, got " + seed.length * 2);
        }
        return new IssuerKeyPair(seed);
    }

    /** Returns the key id of a 32-byte public key: the first 8 bytes of its SHA-256. */
    public static byte[] keyIdOf(byte[] publicKey) {
        if (publicKey.length != Crypto.ED25519_PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + publicKey.length);
        }
        return Arrays.copyOf(BouncyCastleCrypto.INSTANCE.sha256(publicKey), KEY_ID_LENGTH);
    }

    /** Returns the persisted form: {@code ed25519-seed:<64 hex digits>}. A secret. */
    public String toPersistedText() {
        return PERSISTED_PREFIX + Hex.encode(seed);
    }

    /** Returns a copy of the 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Returns the public key as 64 lower-case hex digits. */
    public String publicKeyHex() {
        return Hex.encode(publicKey);
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        // with the public key given, BouncyCastle does not derive it again (half the work of a signature)
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /** Names the key by its key id and public key; never shows the seed. */
    @Override
    public String toString() {
        return "IssuerKeyPair[kid=" + Hex.encode(keyId) + ", public=" + Hex.encode(publicKey) + "]";
    }
}
