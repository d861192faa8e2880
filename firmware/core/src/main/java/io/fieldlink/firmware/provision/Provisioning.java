package io.fieldlink.firmware.provision;

import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.protocol.crypto.Hex;

/**
 * What provisioning gave a board, as stored in its settings: {@code provision.id},
 * {@code provision.psk} (hex), {@code provision.host} (e.g. {@code coaps://10.0.0.2:5684}) and
 * {@code provision.issuers} ({@code kid:publickey} in hex, comma-separated). Read at start-up by a
 * runner to build the uplink. Immutable snapshot.
 */
public final class Provisioning {
    static final String ID = "provision.id";
    static final String PSK = "provision.psk";
    static final String HOST = "provision.host";
    static final String ISSUERS = "provision.issuers";

    private final String deviceId;
    private final byte[] psk;
    private final String host;
    private final String issuers;

    private Provisioning(String deviceId, byte[] psk, String host, String issuers) {
        this.deviceId = deviceId;
        this.psk = psk;
        this.host = host;
        this.issuers = issuers;
    }

    /**
     * @param settings the board's settings
     * @return what is stored, or null when the board was never provisioned
     */
    public static Provisioning read(Settings settings) {
        String id = settings.get(ID);
        String psk = settings.get(PSK);
        String host = settings.get(HOST);
        if (id == null || psk == null || host == null) {
            return null;
        }
        String issuers = settings.get(ISSUERS);
        return new Provisioning(id, Hex.decode(psk), host, issuers == null ? "" : issuers);
    }

    /** @return the device id (also the DTLS PSK identity) */
    public String deviceId() {
        return deviceId;
    }

    /** @return a copy of the pre-shared key */
    public byte[] psk() {
        return psk.clone();
    }

    /** @return the host address, e.g. {@code coaps://10.0.0.2:5684} */
    public String host() {
        return host;
    }

    /** @return the trusted issuer keys */
    public IssuerKeys issuerKeys() {
        IssuerKeys keys = new IssuerKeys();
        int start = 0;
        while (start < issuers.length()) {
            int end = issuers.indexOf(',', start);
            if (end < 0) {
                end = issuers.length();
            }
            String entry = issuers.substring(start, end);
            int colon = entry.indexOf(':');
            if (colon > 0) {
                keys.add(Hex.decode(entry.substring(0, colon)), Hex.decode(entry.substring(colon + 1)));
            }
            start = end + 1;
        }
        return keys;
    }
}
