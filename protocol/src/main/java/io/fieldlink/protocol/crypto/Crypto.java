package io.fieldlink.protocol.crypto;

/**
 * The cryptographic primitives portable code may call: the firmware HAL's crypto and, on the JVM,
 * {@code io.fieldlink.crypto.jvm.BouncyCastleCrypto}. Portable code never implements these itself.
 *
 * <p>Implementations are stateless and safe to call from any thread. No method changes its arguments.
 * Bad input (a key or signature of the wrong length, a public key that is not a curve point) makes
 * {@link #ed25519Verify} return {@code false}; it never throws for it. A {@code null} argument
 * throws {@link NullPointerException}.
 */
public interface Crypto {

    /** Length in bytes of an Ed25519 public key (RFC 8032 §5.1.5). */
    int ED25519_PUBLIC_KEY_LENGTH = 32;

    /** Length in bytes of an Ed25519 signature (RFC 8032 §5.1.6). */
    int ED25519_SIGNATURE_LENGTH = 64;

    /** Length in bytes of a SHA-256 digest and an HMAC-SHA-256 tag. */
    int SHA256_LENGTH = 32;

    /**
     * Returns the SHA-256 digest (FIPS 180-4) of {@code message}.
     *
     * @return a new 32-byte array
     */
    byte[] sha256(byte[] message);

    /**
     * Returns HMAC-SHA-256 (RFC 2104) of {@code message} under {@code key} (any length, including 0).
     *
     * @return a new 32-byte array
     */
    byte[] hmacSha256(byte[] key, byte[] message);

    /**
     * Checks a pure Ed25519 signature (RFC 8032 §5.1.7, no pre-hash, no context).
     *
     * @param publicKey the signer's 32-byte encoded public key
     * @param message the signed bytes, whole
     * @param signature the 64-byte signature
     * @return {@code true} only when the signature is valid for this key and message; {@code false}
     *     for any other input, including wrong lengths and non-canonical encodings
     */
    boolean ed25519Verify(byte[] publicKey, byte[] message, byte[] signature);
}
