package io.fieldlink.firmware.wellhead;

/**
 * A request to reset a latched shut-in: from a technician on the console (principal = technician
 * id, credential = PIN bytes) or from the host (principal = key id, credential = signed reset).
 * Immutable; the credential array is not copied and must not be changed afterwards.
 */
public final class ResetRequest {
    /** Where a reset request came from. */
    public enum Source {
        /** The board's serial console. */
        CONSOLE,
        /** A signed command from the host. */
        HOST
    }

    private final Source source;
    private final String principal;
    private final byte[] credential;
    private final boolean verified;

    /**
     * @param source where it came from
     * @param principal technician id or host key id, never null
     * @param credential PIN or signature bytes, never null
     */
    public ResetRequest(Source source, String principal, byte[] credential) {
        this(source, principal, credential, false);
    }

    private ResetRequest(Source source, String principal, byte[] credential, boolean verified) {
        if (source == null || principal == null || credential == null) {
            throw new IllegalArgumentException("source, principal and credential are required");
        }
        this.source = source;
        this.principal = principal;
        this.credential = credential;
        this.verified = verified;
    }

    /**
     * A host reset whose signature the uplink's command gate already verified: the credential is the
     * signed payload (a ShutInResetBody), not the COSE_Sign1.
     */
    static ResetRequest hostVerified(String principal, byte[] signedPayload) {
        return new ResetRequest(Source.HOST, principal, signedPayload, true);
    }

    /** @return true when the credential is an already verified signed payload */
    boolean verified() {
        return verified;
    }

    public Source source() {
        return source;
    }

    public String principal() {
        return principal;
    }

    /** @return the credential bytes (not a copy) */
    public byte[] credential() {
        return credential;
    }
}
