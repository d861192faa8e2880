package io.fieldlink.protocol.cose;

/**
 * An Ed25519 signing key that mints COSE_Sign1 messages (alg EdDSA, -8). Implemented on the JVM by
 * {@code io.fieldlink.crypto.jvm.IssuerKeyPair}; devices never hold one. Implementations are
 * immutable and thread-safe.
 */
public interface Signer {

    /** Returns a copy of the key id put in the protected header (label 4); never empty. */
    byte[] keyId();

    /**
     * Signs {@code message} (the encoded Sig_structure) with pure Ed25519.
     *
     * @return a new 64-byte signature
     */
    byte[] sign(byte[] message);
}
