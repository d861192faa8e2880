package io.fieldlink.firmware.uplink;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.Crypto;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.token.TrustedKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The issuer public keys (Ed25519) a board trusts, by key id: for signed host commands (the check of
 * a COSE_Sign1 body through the HAL's {@link Crypto}), for the protocol's token verifier
 * ({@link #trusted()}) and for apps that check a signature themselves ({@link #find}). Built in code
 * with {@link #add} or from a board configuration value with {@link #parse}. Filled at start-up, then
 * only read. Event-loop thread only.
 */
public final class IssuerKeys {
    private final List<byte[]> ids = new ArrayList<byte[]>();
    private final List<byte[]> keys = new ArrayList<byte[]>();
    private final TrustedKeys trusted = new TrustedKeys();

    /**
     * Parses the keys held in a board configuration value: entries
     * {@code <key id hex>:<Ed25519 public key hex>} separated by commas and/or blanks, e.g.
     * {@code 0a1b2c3d:d75a98...}. The word {@code none} or an empty value trusts no key.
     *
     * @param configKey the configuration key the value came from (named in errors)
     * @param value the configuration value, or null
     * @return the trusted keys
     * @throws FirmwareException naming the key and the bad entry
     */
    public static IssuerKeys parse(String configKey, String value) {
        IssuerKeys parsed = new IssuerKeys();
        String v = value == null ? "" : value.trim();
        if (v.length() == 0 || v.equals("none")) {
            return parsed;
        }
        int i = 0;
        int n = v.length();
        while (i < n) {
            while (i < n && separator(v.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !separator(v.charAt(i))) {
                i++;
            }
            if (i > start) {
                parsed.addEntry(configKey, v.substring(start, i));
            }
        }
        return parsed;
    }

    private void addEntry(String configKey, String entry) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new FirmwareException("config " + configKey + ": entry '" + entry
                    + "' is not <key id hex>:<public key hex>");
        }
        try {
            add(Hex.decode(entry.substring(0, colon)), Hex.decode(entry.substring(colon + 1)));
        } catch (ProtocolException e) {
            throw new FirmwareException("config " + configKey + ": entry '" + entry + "': " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new FirmwareException("config " + configKey + ": entry '" + entry + "': " + e.getMessage());
        }
    }

    private static boolean separator(char c) {
        return c == ',' || c == ' ' || c == '\t';
    }

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
        trusted.add(keyId, publicKey);
        ids.add(keyId.clone());
        keys.add(publicKey.clone());
        return this;
    }

    /** @return the same keys for the protocol's token verifier */
    public TrustedKeys trusted() {
        return trusted;
    }

    /**
     * @param keyId a key id
     * @return a copy of the public key trusted under it, or null
     */
    public byte[] find(byte[] keyId) {
        for (int i = 0; i < ids.size(); i++) {
            if (Arrays.equals(ids.get(i), keyId)) {
                return keys.get(i).clone();
            }
        }
        return null;
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
