package io.fieldlink.firmware.pump;

/** The outcome of one scan: a reason, the claims when they could be read, and a detail text. Immutable. */
public final class BookingVerdict {
    private final BookingReason reason;
    private final BookingClaims claims;
    private final String detail;
    private final long atMs;

    /**
     * @param reason the outcome
     * @param claims the verified claims, or null when the token could not be verified
     * @param detail a short human-readable explanation, never null
     * @param atMs when the scan was judged, epoch milliseconds
     */
    public BookingVerdict(BookingReason reason, BookingClaims claims, String detail, long atMs) {
        if (reason == null) {
            throw new IllegalArgumentException("reason: null");
        }
        this.reason = reason;
        this.claims = claims;
        this.detail = detail == null ? "" : detail;
        this.atMs = atMs;
    }

    public boolean accepted() {
        return reason == BookingReason.ACCEPTED;
    }

    public BookingReason reason() {
        return reason;
    }

    /** The verified claims, or null when the token could not be verified. */
    public BookingClaims claims() {
        return claims;
    }

    /** The token id when known, else the empty string. */
    public String tokenId() {
        return claims == null ? "" : claims.tokenId();
    }

    public String detail() {
        return detail;
    }

    public long atMs() {
        return atMs;
    }

    @Override
    public String toString() {
        return reason + (claims == null ? "" : " " + claims.tokenId()) + (detail.length() == 0 ? "" : ": " + detail);
    }
}
