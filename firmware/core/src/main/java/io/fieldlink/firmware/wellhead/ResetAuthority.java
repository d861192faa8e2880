package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.pump.IssuerKeys;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.crypto.Crypto;

/**
 * The board's {@link ShutInAuthority}. A console request is authorised only while the console's
 * {@code shutin reset} runs after a technician login (the shell checks the PIN; see
 * {@link #consoleSession}). A host request's credential must be a COSE_Sign1 (tagged or not, EdDSA)
 * signed by a key of the {@code host_keys} configuration, whose payload is the CBOR map
 * {@code {1: "shutin-reset", 2: <device id>, 3: <issued at, epoch s>}} naming this device, issued
 * within {@link #MAX_SKEW_MS} of the board's wall clock (which must be known), and later than every
 * signed reset this board accepted before (kept in {@link Settings}, so a captured reset cannot be
 * replayed, reboot or not). Any other credential is refused; nothing is thrown. Event loop only.
 */
public final class ResetAuthority implements ShutInAuthority {
    /** Largest difference between a signed reset's issue time and the board's clock, ms. */
    public static final long MAX_SKEW_MS = 300000L;
    /** The payload's command text. */
    public static final String COMMAND = "shutin-reset";
    static final String LAST_ISSUED = "wellhead.reset.issued";

    private final IssuerKeys hostKeys;
    private final Crypto crypto;
    private final String deviceId;
    private final Clock clock;
    private final Settings settings;
    private boolean consoleSession;

    /**
     * @param hostKeys keys the host signs resets with
     * @param crypto signature verification
     * @param deviceId this board's id (a signed reset must name it)
     * @param clock the board clock (wall time for freshness)
     * @param settings where the last accepted issue time persists
     */
    public ResetAuthority(IssuerKeys hostKeys, Crypto crypto, String deviceId, Clock clock, Settings settings) {
        if (hostKeys == null || crypto == null || deviceId == null || clock == null || settings == null) {
            throw new IllegalArgumentException("hostKeys, crypto, deviceId, clock and settings are required");
        }
        this.hostKeys = hostKeys;
        this.crypto = crypto;
        this.deviceId = deviceId;
        this.clock = clock;
        this.settings = settings;
    }

    /** @param active true only while a logged-in console command asks for the reset */
    void consoleSession(boolean active) {
        consoleSession = active;
    }

    @Override
    public boolean authorises(ResetRequest request) {
        if (request.source() == ResetRequest.Source.CONSOLE) {
            return consoleSession;
        }
        try {
            return hostSigned(request.credential());
        } catch (ProtocolException e) {
            return false;
        }
    }

    private boolean hostSigned(byte[] credential) {
        CoseSign1 msg = CoseSign1.decode(credential);
        byte[] kid = msg.keyId();
        byte[] key = kid == null ? null : hostKeys.find(kid);
        if (key == null || !msg.verify(crypto, key) || !clock.wallTimeKnown()) {
            return false;
        }
        long issued = issuedAt(msg.payload());
        long now = clock.wallMillis();
        if (issued < 0 || Math.abs(now - issued * 1000L) > MAX_SKEW_MS
                || issued <= settings.getLong(LAST_ISSUED, -1)) {
            return false;
        }
        settings.put(LAST_ISSUED, Long.toString(issued));
        settings.commit();
        return true;
    }

    /** @return the issue time in epoch seconds, or -1 when the payload is not a reset for this device */
    private long issuedAt(byte[] payload) {
        CborReader r = new CborReader(payload);
        int n = r.readMapHeader();
        if (n < 0) {
            return -1;
        }
        String command = null;
        String device = null;
        long issued = -1;
        for (int i = 0; i < n; i++) {
            if (r.peekType() != CborType.UNSIGNED) {
                return -1;
            }
            long k = r.readInt();
            if (k == 1) {
                command = r.readText();
            } else if (k == 2) {
                device = r.readText();
            } else if (k == 3) {
                issued = r.readInt();
            } else {
                r.skip();
            }
        }
        if (r.hasMore() || !COMMAND.equals(command) || !deviceId.equals(device)) {
            return -1;
        }
        return issued;
    }
}
