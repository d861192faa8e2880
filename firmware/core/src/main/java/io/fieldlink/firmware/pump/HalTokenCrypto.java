package io.fieldlink.firmware.pump;

import io.fieldlink.protocol.crypto.Crypto;

/**
 * The protocol's {@link Crypto} over the board's HAL crypto, so the protocol's token verifier and
 * COSE_Sign1 checks run on the board's own primitives. Stateless; as thread-safe as the HAL crypto.
 */
public final class HalTokenCrypto implements Crypto {
    private final io.fieldlink.firmware.hal.Crypto hal;

    /**
     * @param hal the board's crypto
     * @throws IllegalArgumentException if it is null
     */
    public HalTokenCrypto(io.fieldlink.firmware.hal.Crypto hal) {
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
        if (key == null) {
            throw new NullPointerException("key");
        }
        return hal.hmacSha256(key, message, 0, message.length);
    }

    @Override
    public boolean ed25519Verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || message == null || signature == null) {
            throw new NullPointerException("publicKey, message and signature are required");
        }
        if (publicKey.length != ED25519_PUBLIC_KEY_LENGTH || signature.length != ED25519_SIGNATURE_LENGTH) {
            return false;
        }
        return hal.verifyEd25519(publicKey, message, signature);
    }
}
