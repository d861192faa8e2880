package io.fieldlink.firmware.uplink;

import io.fieldlink.firmware.hal.Crypto;

/**
 * The protocol's {@link io.fieldlink.protocol.crypto.Crypto} on top of the board HAL's
 * {@link Crypto}, so the protocol's token verifier and COSE code run on the board's crypto engine.
 * Stateless; as thread-safe as the HAL crypto it wraps.
 */
public final class HalBackedCrypto implements io.fieldlink.protocol.crypto.Crypto {
    private final Crypto hal;

    /** @param hal the board's crypto */
    public HalBackedCrypto(Crypto hal) {
        if (hal == null) {
            throw new IllegalArgumentException("hal crypto: null");
        }
        this.hal = hal;
    }

    @Override
    public byte[] sha256(byte[] message) {
        return hal.sha256(message, 0, message.length);
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] message) {
        return hal.hmacSha256(key, message, 0, message.length);
    }

    @Override
    public boolean ed25519Verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != ED25519_PUBLIC_KEY_LENGTH || signature.length != ED25519_SIGNATURE_LENGTH) {
            return false;
        }
        return hal.verifyEd25519(publicKey, message, signature);
    }
}
