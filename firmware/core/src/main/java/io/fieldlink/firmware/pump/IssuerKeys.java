package io.fieldlink.firmware.pump;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.token.TrustedKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the trusted issuer keys held in a board configuration value: entries
 * {@code <key id hex>:<Ed25519 public key hex>} separated by commas and/or blanks, e.g.
 * {@code 0a1b2c3d:d75a98...}. The word {@code none} or an empty value trusts no key (every token is
 * then refused as signed by an unknown key). Immutable once parsed.
 */
public final class IssuerKeys {
    private final List<byte[]> ids = new ArrayList<byte[]>();
    private final List<byte[]> publicKeys = new ArrayList<byte[]>();
    private final TrustedKeys trusted = new TrustedKeys();

    private IssuerKeys() {
    }

    /** @return the keys for the protocol's token verifier */
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
                return publicKeys.get(i).clone();
            }
        }
        return null;
    }

    /** @return how many keys are trusted */
    public int size() {
        return ids.size();
    }

    /**
     * @param configKey the configuration key the value came from (named in errors)
     * @param value the configuration value
     * @return the trusted keys
     * @throws FirmwareException naming the key and the bad entry
     */
    public static IssuerKeys parse(String configKey, String value) {
        IssuerKeys keys = new IssuerKeys();
        String v = value == null ? "" : value.trim();
        if (v.length() == 0 || v.equals("none")) {
            return keys;
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
                add(keys, configKey, v.substring(start, i));
            }
        }
        return keys;
    }

    private static void add(IssuerKeys keys, String configKey, String entry) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new FirmwareException("config " + configKey + ": entry '" + entry
                    + "' is not <key id hex>:<public key hex>");
        }
        try {
            byte[] id = Hex.decode(entry.substring(0, colon));
            byte[] key = Hex.decode(entry.substring(colon + 1));
            keys.trusted.add(id, key);
            keys.ids.add(id);
            keys.publicKeys.add(key);
        } catch (ProtocolException e) {
            throw new FirmwareException("config " + configKey + ": entry '" + entry + "': " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new FirmwareException("config " + configKey + ": entry '" + entry + "': " + e.getMessage());
        }
    }

    private static boolean separator(char c) {
        return c == ',' || c == ' ' || c == '\t';
    }
}
