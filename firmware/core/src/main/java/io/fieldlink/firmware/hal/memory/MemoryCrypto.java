package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.hal.Crypto;

/**
 * Real SHA-256 and HMAC-SHA-256 in portable Java, and a SIMULATED signature scheme in place of
 * Ed25519 (which is too large to carry here): {@link #simulatedSign} makes a 64-byte "signature" that
 * {@link #verifyEd25519} accepts for exactly that key and message. It is NOT secure (anyone holding
 * the public key can sign) and exists so the simulator and tests can exercise signed commands; real
 * bindings verify real Ed25519.
 */
public final class MemoryCrypto implements Crypto {
    @Override
    public byte[] sha256(byte[] data, int offset, int length) {
        return Sha256.digest(data, offset, length);
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
        byte[] k = key.length > 64 ? Sha256.digest(key, 0, key.length) : key;
        byte[] inner = new byte[64 + length];
        byte[] outer = new byte[64 + 32];
        for (int i = 0; i < 64; i++) {
            byte kb = i < k.length ? k[i] : 0;
            inner[i] = (byte) (kb ^ 0x36);
            outer[i] = (byte) (kb ^ 0x5c);
        }
        System.arraycopy(data, offset, inner, 64, length);
        System.arraycopy(Sha256.digest(inner, 0, inner.length), 0, outer, 64, 32);
        return Sha256.digest(outer, 0, outer.length);
    }

    @Override
    public boolean verifyEd25519(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || message == null || signature == null || signature.length != 64) {
            return false;
        }
        byte[] expected = simulatedSign(publicKey, message);
        int diff = 0;
        for (int i = 0; i < 64; i++) {
            diff |= expected[i] ^ signature[i];
        }
        return diff == 0;
    }

    /**
     * @param publicKey the key the verifier will use
     * @param message the bytes to sign
     * @return a 64-byte simulated signature: HMAC(publicKey, message) followed by HMAC(publicKey, that)
     */
    public byte[] simulatedSign(byte[] publicKey, byte[] message) {
        byte[] first = hmacSha256(publicKey, message, 0, message.length);
        byte[] second = hmacSha256(publicKey, first, 0, first.length);
        byte[] sig = new byte[64];
        System.arraycopy(first, 0, sig, 0, 32);
        System.arraycopy(second, 0, sig, 32, 32);
        return sig;
    }
}
