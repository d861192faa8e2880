package io.fieldlink.firmware.pump;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.token.TrustedKeys;

/**
 * Parses the trusted issuer keys held in a board configuration value: entries
 * {@code <key id hex>:<Ed25519 public key hex>} separated by commas and/or blanks, e.g.
 * {@code 0a1b2c3d:d75a98...}. The word {@code none} or an empty value trusts no key (every token is
 * then refused as signed by an unknown key).
 */
public final class IssuerKeys {
    private IssuerKeys() {
    }

    /**
     * @param configKey the configuration key the value came from (named in errors)
     * @param value the configuration value
     * @return the trusted keys
     * @throws FirmwareException naming the key and the bad entry
     */
    public static TrustedKeys parse(String configKey, String value) {
        TrustedKeys keys = new TrustedKeys();
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

    private static void add(TrustedKeys keys, String configKey, String entry) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new FirmwareException("config " + configKey + ": entry '" + entry
                    + "' is not <key id hex>:<public key hex>");
        }
        try {
            keys.add(Hex.decode(entry.substring(0, colon)), Hex.decode(entry.substring(colon + 1)));
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
