package io.fieldlink.firmware.hal;

/**
 * The crypto the device needs: hashing, MAC and signature verification (the device holds no
 * signing key that could mint credit). Inputs are not modified; results are new arrays.
 * This is the HAL's own small interface: the protocol's {@code io.fieldlink.protocol.crypto.Crypto}
 * was not committed when it was written; a binding may adapt one to the other.
 */
public interface Crypto {
    /**
     * @param data input
     * @param offset first byte
     * @param length number of bytes
     * @return the 32-byte SHA-256 digest
     */
    byte[] sha256(byte[] data, int offset, int length);

    /**
     * @param key the key
     * @param data input
     * @param offset first byte
     * @param length number of bytes
     * @return the 32-byte HMAC-SHA-256
     */
    byte[] hmacSha256(byte[] key, byte[] data, int offset, int length);

    /**
     * @param publicKey 32-byte Ed25519 public key
     * @param message the signed bytes
     * @param signature 64-byte signature
     * @return true only if the signature is valid for the message under the key
     */
    boolean verifyEd25519(byte[] publicKey, byte[] message, byte[] signature);
}
