package io.fieldlink.firmware.jvm.crypto;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.firmware.hal.Crypto;
import java.util.Arrays;

/** The board's crypto HAL (SHA-256, HMAC-SHA256, Ed25519 verify) on BouncyCastle's lightweight API. */
public final class BouncyCastleHalCrypto implements Crypto {
    public static final BouncyCastleHalCrypto INSTANCE = new BouncyCastleHalCrypto();

    private BouncyCastleHalCrypto() {
    }

    @Override
    public byte[] sha256(byte[] data, int offset, int length) {
        return BouncyCastleCrypto.INSTANCE.sha256(Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
        return BouncyCastleCrypto.INSTANCE.hmacSha256(key, Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public boolean verifyEd25519(byte[] publicKey, byte[] message, byte[] signature) {
        return BouncyCastleCrypto.INSTANCE.ed25519Verify(publicKey, message, signature);
    }
}
