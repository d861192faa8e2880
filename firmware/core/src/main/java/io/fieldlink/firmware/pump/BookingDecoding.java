package io.fieldlink.firmware.pump;

/**
 * What a {@link BookingDecoder} made of a scanned text: verified claims, or the reason it could not.
 * Immutable.
 */
public final class BookingDecoding {
    private final BookingClaims claims;
    private final BookingReason refusal;
    private final String detail;

    private BookingDecoding(BookingClaims claims, BookingReason refusal, String detail) {
        this.claims = claims;
        this.refusal = refusal;
        this.detail = detail;
    }

    /** A token whose signature verified and whose claims are a booking. */
    public static BookingDecoding verified(BookingClaims claims) {
        if (claims == null) {
            throw new IllegalArgumentException("claims: null");
        }
        return new BookingDecoding(claims, null, "");
    }

    /**
     * A token that could not be verified.
     *
     * @param reason one of MALFORMED, NOT_A_BOOKING, UNKNOWN_KEY, BAD_SIGNATURE
     * @param detail what exactly was wrong (field, offset), for the event log
     */
    public static BookingDecoding refused(BookingReason reason, String detail) {
        if (reason == null || reason == BookingReason.ACCEPTED) {
            throw new IllegalArgumentException("reason: must be a refusal");
        }
        return new BookingDecoding(null, reason, detail == null ? "" : detail);
    }

    /** Verified claims, or null when refused. */
    public BookingClaims claims() {
        return claims;
    }

    /** The refusal reason, or null when verified. */
    public BookingReason refusal() {
        return refusal;
    }

    public String detail() {
        return detail;
    }
}
