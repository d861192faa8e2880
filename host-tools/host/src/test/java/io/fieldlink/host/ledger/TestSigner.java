package io.fieldlink.host.ledger;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 checkpoint signer and checker for tests, on BouncyCastle's lightweight API. */
final class TestSigner implements CheckpointSigner, SignatureCheck {
    private final byte[] secret = new byte[Ed25519.SECRET_KEY_SIZE];
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    private final String keyId;

    TestSigner(String keyId) {
        this.keyId = keyId;
        new SecureRandom().nextBytes(secret);
        Ed25519.generatePublicKey(secret, 0, publicKey, 0);
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(secret, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public boolean verify(String id, byte[] message, byte[] signature) {
        return keyId.equals(id) && signature.length == Ed25519.SIGNATURE_SIZE
                && Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }
}
