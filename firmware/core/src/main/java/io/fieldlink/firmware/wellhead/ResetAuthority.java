package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.crypto.Crypto;
import io.fieldlink.protocol.record.ShutInResetBody;

/**
 * The board's {@link ShutInAuthority}. A console request is authorised only while the console's
 * {@code shutin reset} runs after a technician login (the shell checks the PIN; see
 * {@link #consoleSession}). A host request carries the protocol's signed shut-in reset
 * ({@link ShutInResetBody}, docs/protocol.md): either the whole COSE_Sign1 (EdDSA), which must be
 * signed by a key of the {@code host_keys} configuration, or the payload of a {@code shutin-reset}
 * host command whose signature the uplink's command gate already verified against the board's
 * trusted issuer keys ({@link ResetRequest#hostVerified}). Either way the body must name this device
 * and be issued within {@link #MAX_SKEW_MS} of the board's wall clock (which must be known), and
 * later than every signed reset this board accepted before (kept in {@link Settings}, so a captured
 * reset cannot be replayed, reboot or not). Any other credential is refused; nothing is thrown.
 * Event loop only.
 */
public final class ResetAuthority implements ShutInAuthority {
    /** Largest difference between a signed reset's issue time and the board's clock, ms. */
    public static final long MAX_SKEW_MS = 300000L;
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
            if (request.verified()) {
                return fresh(ShutInResetBody.decode(request.credential()));
            }
            return hostSigned(request.credential());
        } catch (ProtocolException e) {
            return false;
        }
    }

    private boolean hostSigned(byte[] credential) {
        CoseSign1 msg = CoseSign1.decode(credential);
        byte[] kid = msg.keyId();
        byte[] key = kid == null ? null : hostKeys.find(kid);
        if (key == null || !msg.verify(crypto, key)) {
            return false;
        }
        return fresh(ShutInResetBody.decode(msg.payload()));
    }

    private boolean fresh(ShutInResetBody body) {
        if (!clock.wallTimeKnown() || !deviceId.equals(body.deviceId())) {
            return false;
        }
        long issued = body.issuedAtMs();
        if (Math.abs(clock.wallMillis() - issued) > MAX_SKEW_MS || issued <= settings.getLong(LAST_ISSUED, -1)) {
            return false;
        }
        settings.put(LAST_ISSUED, Long.toString(issued));
        settings.commit();
        return true;
    }

    /**
     * Reads the technician a reset body names, without judging it (for the records).
     *
     * @param payload a ShutInResetBody
     * @return the technician, or null when the payload is not a reset body
     */
    static String technician(byte[] payload) {
        try {
            return ShutInResetBody.decode(payload).technician();
        } catch (ProtocolException e) {
            return null;
        }
    }
}
