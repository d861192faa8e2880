package io.fieldlink.firmware.pump;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.firmware.hal.Crypto;
import java.util.Arrays;

/** A HAL crypto with real Ed25519 (BouncyCastle), so boards in tests verify real signed tokens. */
public final class JvmHalCrypto implements Crypto {
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
