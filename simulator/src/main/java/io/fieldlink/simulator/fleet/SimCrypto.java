package io.fieldlink.simulator.fleet;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.firmware.hal.Crypto;
import java.util.Arrays;

/**
 * The virtual boards' crypto HAL: real SHA-256, HMAC and Ed25519 verification on BouncyCastle
 * (jvm-crypto), so booking and credit tokens minted with a real issuer key are checked for real.
 */
final class SimCrypto implements Crypto {
    static final SimCrypto INSTANCE = new SimCrypto();

    private SimCrypto() {
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
