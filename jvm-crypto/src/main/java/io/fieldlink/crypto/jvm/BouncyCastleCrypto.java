package io.fieldlink.crypto.jvm;

import io.fieldlink.protocol.crypto.Crypto;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * {@link Crypto} on BouncyCastle's lightweight classes ({@link SHA256Digest}, {@link HMac},
 * {@link Ed25519}); registers no JCA provider. Thread-safe: every call uses its own digest objects;
 * the only state is the last public key {@link #ed25519Verify} decoded, kept (immutable) so that
 * checking many signatures of one issuer does not decode its key every time. Use {@link #INSTANCE}.
 */
public final class BouncyCastleCrypto implements Crypto {

    /** The one instance. */
    public static final BouncyCastleCrypto INSTANCE = new BouncyCastleCrypto();

    static {
        Ed25519.precompute();
    }

    /** The public key {@link #ed25519Verify} last decoded (null: none, or it did not decode). */
    private volatile DecodedKey lastKey;

    private BouncyCastleCrypto() {
    }

    /** An Ed25519 public key and its decoded point (null when the bytes are not a point on the curve). */
    private static final class DecodedKey {
        final byte[] encoded;
        final Ed25519.PublicPoint point;

        DecodedKey(byte[] encoded) {
            this.encoded = encoded.clone();
            this.point = Ed25519.validatePublicKeyPartialExport(this.encoded, 0);
        }
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
        DecodedKey key = lastKey;
        if (key == null || !java.util.Arrays.equals(key.encoded, publicKey)) {
            key = new DecodedKey(publicKey);
            lastKey = key;
        }
        // the same checks as verify(signature, publicKey, ...), which decodes the key (partially validated) each time
        return key.point != null && Ed25519.verify(signature, 0, key.point, message, 0, length);
    }
}
