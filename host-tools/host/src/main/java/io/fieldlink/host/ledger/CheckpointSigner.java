package io.fieldlink.host.ledger;

/** Signs checkpoints with the host's Ed25519 key. */
public interface CheckpointSigner {
    /** The signing key's id. */
    String keyId();

    /** An Ed25519 signature (64 bytes) over {@code message}. */
    byte[] sign(byte[] message);
}
