package io.fieldlink.firmware.pump;

/**
 * The offline rules for booking e-tokens at one pump: signature (through the {@link BookingDecoder}),
 * station, pump when the token names one, expiry, slot window widened by a grace for clock drift,
 * quantity, and one use only. Checks run in that order; the first failure is the verdict.
 *
 * <p>Not thread-safe: event loop only. Allocates only the verdict.
 */
public final class BookingCheck {
    private final BookingDecoder decoder;
    private final UsedBookings used;
    private final String stationId;
    private final int pumpNumber;
    private final long graceMs;
    private final long maxFillGrams;

    /**
     * @param decoder verifies signatures and reads claims
     * @param used the one-use memory
     * @param stationId this station's id
     * @param pumpNumber this pump's number (1..)
     * @param graceMs how far outside its slot a token is still honoured (clock drift), &gt;= 0
     * @param maxFillGrams the most one fill may deliver, &gt; 0
     * @throws IllegalArgumentException on a null collaborator or an out-of-range setting
     */
    public BookingCheck(BookingDecoder decoder, UsedBookings used, String stationId, int pumpNumber, long graceMs,
            long maxFillGrams) {
        if (decoder == null || used == null || stationId == null) {
            throw new IllegalArgumentException("decoder, used and stationId are required");
        }
        if (pumpNumber < 1) {
            throw new IllegalArgumentException("pumpNumber: " + pumpNumber + " < 1");
        }
        if (graceMs < 0) {
            throw new IllegalArgumentException("graceMs: negative");
        }
        if (maxFillGrams <= 0) {
            throw new IllegalArgumentException("maxFillGrams: not positive");
        }
        this.decoder = decoder;
        this.used = used;
        this.stationId = stationId;
        this.pumpNumber = pumpNumber;
        this.graceMs = graceMs;
        this.maxFillGrams = maxFillGrams;
    }

    /** Judges a scanned token without redeeming it. Never throws on bad input. */
    public BookingVerdict verify(String text, long nowMs) {
        BookingDecoding d = text == null ? BookingDecoding.refused(BookingReason.MALFORMED, "no text")
                : decoder.decode(text);
        if (d.claims() == null) {
            return new BookingVerdict(d.refusal(), null, d.detail(), nowMs);
        }
        BookingClaims c = d.claims();
        if (!stationId.equals(c.stationId())) {
            return refuse(BookingReason.WRONG_STATION, c, "for station " + c.stationId(), nowMs);
        }
        if (c.pump() != BookingClaims.ANY_PUMP && c.pump() != pumpNumber) {
            return refuse(BookingReason.WRONG_PUMP, c, "for pump " + c.pump(), nowMs);
        }
        if (nowMs >= c.expiresMs()) {
            return refuse(BookingReason.EXPIRED, c, "expired at " + c.expiresMs(), nowMs);
        }
        if (nowMs < c.slotStartMs() - graceMs) {
            return refuse(BookingReason.TOO_EARLY, c, "slot opens at " + c.slotStartMs(), nowMs);
        }
        if (nowMs > c.slotEndMs() + graceMs) {
            return refuse(BookingReason.SLOT_PASSED, c, "slot closed at " + c.slotEndMs(), nowMs);
        }
        if (c.quantityGrams() <= 0 || c.quantityGrams() > maxFillGrams) {
            return refuse(BookingReason.BAD_QUANTITY, c, c.quantityGrams() + " g not in 1.." + maxFillGrams, nowMs);
        }
        if (UsedBookings.utf8(c.tokenId()).length > UsedBookings.MAX_ID_BYTES) {
            return refuse(BookingReason.MALFORMED, c, "token id longer than " + UsedBookings.MAX_ID_BYTES, nowMs);
        }
        if (used.contains(c.tokenId(), nowMs)) {
            return refuse(BookingReason.ALREADY_USED, c, "redeemed before", nowMs);
        }
        if (!used.hasRoom(nowMs)) {
            return refuse(BookingReason.MEMORY_FULL, c, "used-token memory full", nowMs);
        }
        return new BookingVerdict(BookingReason.ACCEPTED, c, "", nowMs);
    }

    /**
     * Judges a scanned token and, when accepted, remembers it as used (persisted) before returning,
     * so it can never authorise a second fill, reboot or not.
     */
    public BookingVerdict redeem(String text, long nowMs) {
        BookingVerdict v = verify(text, nowMs);
        if (!v.accepted()) {
            return v;
        }
        if (!used.remember(v.claims().tokenId(), v.claims().expiresMs(), nowMs)) {
            return refuse(BookingReason.MEMORY_FULL, v.claims(), "used-token memory full", nowMs);
        }
        return v;
    }

    private static BookingVerdict refuse(BookingReason r, BookingClaims c, String detail, long nowMs) {
        return new BookingVerdict(r, c, detail, nowMs);
    }
}
