package io.fieldlink.firmware.uplink;

import io.fieldlink.firmware.hal.Crypto;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cose.CoseSign1;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The issuer public keys (Ed25519) a board trusts for signed host commands, by key id, and the check
 * of a COSE_Sign1 body against them through the HAL's {@link Crypto}. Filled at start-up, then only
 * read. Event-loop thread only.
 */
public final class IssuerKeys {
    private final List<byte[]> ids = new ArrayList<byte[]>();
    private final List<byte[]> keys = new ArrayList<byte[]>();

    /**
     * @param keyId the COSE key id the issuer puts in its messages
     * @param publicKey the 32-byte Ed25519 public key (copied)
     * @return this
     * @throws IllegalArgumentException if the key is not 32 bytes
     */
    public IssuerKeys add(byte[] keyId, byte[] publicKey) {
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + publicKey.length);
        }
        ids.add(keyId.clone());
        keys.add(publicKey.clone());
        return this;
    }

    /** @return how many keys are trusted */
    public int size() {
        return keys.size();
    }

    /**
     * Verifies a COSE_Sign1 message: EdDSA, signed by the trusted key its kid names (or, without a
     * kid, by any trusted key). Never throws for bad input.
     *
     * @param crypto the board's crypto
     * @param coseSign1 the encoded message
     * @return the signed payload, or null if the message is malformed or not validly signed
     */
    public byte[] verifiedPayload(Crypto crypto, byte[] coseSign1) {
        if (coseSign1 == null) {
            return null;
        }
        CoseSign1 msg;
        try {
            msg = CoseSign1.decode(coseSign1);
        } catch (ProtocolException e) {
            return null;
        }
        if (!msg.hasAlgorithm() || msg.algorithm() != CoseSign1.ALG_EDDSA) {
            return null;
        }
        byte[] kid = msg.keyId();
        byte[] toBeSigned = msg.toBeSigned();
        byte[] signature = msg.signature();
        for (int i = 0; i < keys.size(); i++) {
            if ((kid == null || Arrays.equals(kid, ids.get(i)))
                    && crypto.verifyEd25519(keys.get(i), toBeSigned, signature)) {
                return msg.payload();
            }
        }
        return null;
    }
}
