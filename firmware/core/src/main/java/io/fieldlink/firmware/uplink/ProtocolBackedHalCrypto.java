package io.fieldlink.firmware.uplink;

import io.fieldlink.firmware.hal.Crypto;
import java.util.Arrays;

/**
 * The board HAL's {@link Crypto} on top of a protocol {@link io.fieldlink.protocol.crypto.Crypto}: how a
 * binding without a crypto engine of its own (a JVM board, a simulated board) gives its boards the
 * platform's implementation (the reverse of {@link HalBackedCrypto}). Stateless; as thread-safe as the
 * crypto it wraps.
 */
public final class ProtocolBackedHalCrypto implements Crypto {
    private final io.fieldlink.protocol.crypto.Crypto crypto;

    /** @param crypto the platform's crypto */
    public ProtocolBackedHalCrypto(io.fieldlink.protocol.crypto.Crypto crypto) {
        if (crypto == null) {
            throw new IllegalArgumentException("crypto: null");
        }
        this.crypto = crypto;
    }

    @Override
    public byte[] sha256(byte[] data, int offset, int length) {
        return crypto.sha256(Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
        return crypto.hmacSha256(key, Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public boolean verifyEd25519(byte[] publicKey, byte[] message, byte[] signature) {
        return crypto.ed25519Verify(publicKey, message, signature);
    }
}
