package io.fieldlink.crypto.jvm;

import io.fieldlink.protocol.crypto.Crypto;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * {@link Crypto} on BouncyCastle's lightweight classes ({@link SHA256Digest}, {@link HMac},
 * {@link Ed25519}); registers no JCA provider. Stateless and thread-safe: every call uses its own
 * digest objects. Use {@link #INSTANCE}.
 */
public final class BouncyCastleCrypto implements Crypto {

    /** The one instance; it holds no state. */
    public static final BouncyCastleCrypto INSTANCE = new BouncyCastleCrypto();

    static {
        Ed25519.precompute();
    }

    private BouncyCastleCrypto() {
    }

    @Override
    public byte[] sha256(byte[] message) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(message, 0, message.length);
        byte[] out = new byte[SHA256_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] message) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[SHA256_LENGTH];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public boolean ed25519Verify(byte[] publicKey, byte[] message, byte[] signature) {
        int length = message.length;
        if (publicKey.length != ED25519_PUBLIC_KEY_LENGTH || signature.length != ED25519_SIGNATURE_LENGTH) {
            return false;
        }
        return Ed25519.verify(signature, 0, publicKey, 0, message, 0, length);
    }
}
