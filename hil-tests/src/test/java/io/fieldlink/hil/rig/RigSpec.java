package io.fieldlink.hil.rig;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.host.HostServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a rig is built from.
 *
 * @param board the board name (meter, wellhead)
 * @param deviceId the device id, provisioned on the host
 * @param psk the device's pre-shared key from the host, or null for a board that is not provisioned yet
 *     (it boots console-only, knowing no id, host or key until the console's {@code provision} stores them)
 * @param issuer the issuer key whose public half the board trusts (credit tokens, signed commands)
 * @param config board configuration stored before the first boot
 * @param host the real host the board talks to (DTLS on loopback)
 * @param dir a scratch directory for the rig (storage, pty links, logs)
 */
public record RigSpec(String board, String deviceId, byte[] psk, IssuerKeyPair issuer, Map<String, String> config,
        HostServer host, Path dir) {
    /** @return true if the board is given its id, PSK and host; false if it must be provisioned */
    public boolean provisioned() {
        return psk != null;
    }

    /** @return the board definition */
    public BoardDefinition definition() {
        return BoardLoader.builtIn(board);
    }

    /** Meter telemetry interval on every rig, ms. */
    public static final long METER_TELEMETRY_MS = 1_000;
}
