package io.fieldlink.protocol.token;

/**
 * The outcome of checking a token: a reason, a human-readable detail, and the claims once the
 * signature has verified ({@code null} for malformed, unknown-key and bad-signature verdicts, whose
 * content cannot be trusted). Immutable.
 */
public final class Verdict {
    private final VerdictReason reason;
    private final String detail;
    private final TokenClaims claims;

    Verdict(VerdictReason reason, String detail, TokenClaims claims) {
        this.reason = reason;
        this.detail = detail;
        this.claims = claims;
    }

    /** Returns whether the token may be committed. */
    public boolean isOk() {
        return reason == VerdictReason.OK;
    }

    public VerdictReason reason() {
        return reason;
    }

    /** Returns the reason's stable code, e.g. {@code "expired"}. */
    public String code() {
        return reason.code();
    }

    /** Returns a sentence for people (logs, console); not stable, not for parsing. */
    public String detail() {
        return detail;
    }

    /** Returns the signed claims, or {@code null} when the signature was not verified. */
    public TokenClaims claims() {
        return claims;
    }

    @Override
    public String toString() {
        return reason.code() + ": " + detail;
    }
}
