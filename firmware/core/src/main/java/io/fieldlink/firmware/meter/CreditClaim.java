package io.fieldlink.firmware.meter;

/**
 * What a {@link CreditTokenCheck} found in a credit token: a reason code ({@link #OK} or one of the
 * token verifier's refusal codes) and, when OK, the token id and amount. Immutable.
 */
public final class CreditClaim {

    /** Reason code of a valid token. */
    public static final String OK = "ok";
    /** Reason code of a token whose id was redeemed before or is older than the window. */
    public static final String REPLAYED = "replayed";
    /** Reason code of a token whose amount the meter cannot take. */
    public static final String OVER_LIMIT = "over-limit";
    /** Reason code of a token that could not be parsed. */
    public static final String MALFORMED = "malformed";

    private final String reason;
    private final long tokenId;
    private final long amount;

    private CreditClaim(String reason, long tokenId, long amount) {
        this.reason = reason;
        this.tokenId = tokenId;
        this.amount = amount;
    }

    /** A valid claim for {@code amount} milli-units under {@code tokenId}. */
    public static CreditClaim ok(long tokenId, long amount) {
        return new CreditClaim(OK, tokenId, amount);
    }

    /** A refusal with a reason code (e.g. "bad-signature", "expired"). */
    public static CreditClaim refused(String reason) {
        if (reason == null || OK.equals(reason)) {
            throw new IllegalArgumentException("refusal needs a reason other than ok: " + reason);
        }
        return new CreditClaim(reason, -1, 0);
    }

    /** Whether the token is valid. */
    public boolean isOk() {
        return OK.equals(reason);
    }

    /** The reason code. */
    public String reason() {
        return reason;
    }

    /** The token id, or -1 when refused. */
    public long tokenId() {
        return tokenId;
    }

    /** The amount, milli-units (0 when refused). */
    public long amount() {
        return amount;
    }

    @Override
    public String toString() {
        return isOk() ? "CreditClaim[ok id=" + tokenId + " amount=" + amount + "]" : "CreditClaim[" + reason + "]";
    }
}
