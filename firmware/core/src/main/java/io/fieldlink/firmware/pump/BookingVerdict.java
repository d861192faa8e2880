package io.fieldlink.firmware.pump;

import io.fieldlink.protocol.token.TokenClaims;

/**
 * The outcome of one scan at the pump: a reason, a detail for people, the signed claims when the
 * signature verified, and when it was judged. Immutable.
 */
public final class BookingVerdict {
    /** Token id reported when the claims could not be trusted. */
    public static final long NO_TOKEN = -1;

    private final BookingReason reason;
    private final String detail;
    private final TokenClaims claims;
    private final long atMs;

    /**
     * @param reason the outcome
     * @param detail a sentence for logs and the console; not stable, never null
     * @param claims the verified claims, or null when the signature was not verified
     * @param atMs when the scan was judged, epoch milliseconds
     */
    public BookingVerdict(BookingReason reason, String detail, TokenClaims claims, long atMs) {
        if (reason == null) {
            throw new IllegalArgumentException("reason: null");
        }
        this.reason = reason;
        this.detail = detail == null ? "" : detail;
        this.claims = claims;
        this.atMs = atMs;
    }

    public boolean accepted() {
        return reason == BookingReason.OK;
    }

    public BookingReason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    /** @return the verified claims, or null when the signature was not verified */
    public TokenClaims claims() {
        return claims;
    }

    /** @return the booking id when the claims verified, else {@link #NO_TOKEN} */
    public long tokenId() {
        return claims == null ? NO_TOKEN : claims.tokenId();
    }

    public long atMs() {
        return atMs;
    }

    @Override
    public String toString() {
        return reason.code() + (claims == null ? "" : " #" + claims.tokenId()) + ": " + detail;
    }
}
