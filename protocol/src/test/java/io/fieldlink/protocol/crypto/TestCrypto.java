package io.fieldlink.protocol.crypto;

import io.fieldlink.protocol.cose.Signer;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Test fixture: {@link Crypto} and a {@link Signer} on BouncyCastle for the protocol's own tests (the
 * production binding, jvm-crypto's BouncyCastleCrypto, depends on this module and so cannot be used
 * here). Key ids follow jvm-crypto's IssuerKeyPair: the first 8 bytes of SHA-256 of the public key.
 */
public final class TestCrypto implements Crypto {
    public static final TestCrypto INSTANCE = new TestCrypto();

    /** RFC 8032 §7.1 TEST 1 secret key: the fixed issuer key of tests and docs/protocol.md (Tokens). */
    public static final byte[] TEST_SEED = Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    @Override
    public byte[] sha256(byte[] message) {
        SHA256Digest d = new SHA256Digest();
        d.update(message, 0, message.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] message) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public boolean ed25519Verify(byte[] publicKey, byte[] message, byte[] signature) {
        return publicKey.length == 32 && signature.length == 64
                && Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    /** A signer with the given 32-byte seed. */
    public static KeySigner signer(byte[] seed) {
        return new KeySigner(seed);
    }

    /** A signer that signs with {@code seed}. */
    public static final class KeySigner implements Signer {
        private final byte[] seed;
        private final byte[] publicKey = new byte[32];
        private final byte[] keyId;

        KeySigner(byte[] seed) {
            this.seed = seed.clone();
            Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
            keyId = Arrays.copyOf(INSTANCE.sha256(publicKey), 8);
        }

        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public byte[] keyId() {
            return keyId.clone();
        }

        @Override
        public byte[] sign(byte[] message) {
            byte[] sig = new byte[64];
            Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
            return sig;
        }
    }
}
