package io.fieldlink.firmware.jvm.runner;

import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.protocol.crypto.Hex;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity provisioning stored in a board's settings (the console's {@code provision} command,
 * driven by {@code fieldlink ctl provision}): {@code provision.id}, {@code provision.psk} (hex),
 * {@code provision.host} and {@code provision.issuers} ({@code kid:key} hex pairs, comma-separated).
 * The same keys as the firmware core's {@code provision.Provisioning}; command-line options override
 * them. Each value may be absent (null).
 *
 * @param deviceId the device id
 * @param psk the pre-shared key
 * @param host the host URI
 * @param issuers trusted issuer keys {key id, public key}
 */
record StoredIdentity(String deviceId, byte[] psk, String host, List<byte[][]> issuers) {
    static StoredIdentity read(Settings settings) {
        String psk = settings.get("provision.psk");
        List<byte[][]> issuers = new ArrayList<>();
        String list = settings.get("provision.issuers");
        if (list != null) {
            for (String entry : list.split(",")) {
                int colon = entry.indexOf(':');
                if (colon > 0) {
                    issuers.add(new byte[][] {Hex.decode(entry.substring(0, colon).trim()), Hex.decode(entry.substring(colon + 1).trim())});
                }
            }
        }
        return new StoredIdentity(settings.get("provision.id"), psk == null ? null : Hex.decode(psk),
                settings.get("provision.host"), issuers);
    }
}
