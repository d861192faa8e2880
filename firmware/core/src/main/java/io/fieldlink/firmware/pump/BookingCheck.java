package io.fieldlink.firmware.pump;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.token.BookingRules;
import io.fieldlink.protocol.token.TokenClaims;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.UsedBookingTokens;
import io.fieldlink.protocol.token.Verdict;

/**
 * Booking e-tokens at one pump, offline: the protocol's {@link TokenVerifier} checks signature,
 * station, pump, validity, slot with grace, quantity and one use; this class owns the one-use memory
 * ({@link UsedBookingTokens}), loads it from a {@link PersistentCell} at start and persists it on every
 * redemption, so a replay is refused after any number of reboots.
 *
 * <p>Times are epoch milliseconds here (seconds in the token). Not thread-safe: event loop only.
 */
public final class BookingCheck {
    private final TokenVerifier verifier;
    private final BookingRules rules;
    private final PersistentCell cell;
    private final UsedBookingTokens used;

    /**
     * @param verifier signature and claim rules, with the issuer keys this station trusts
     * @param rules station id, pump number, slot grace, largest fill
     * @param cell where the used bookings persist
     * @param capacity how many live bookings to remember at most
     * @throws IllegalStateException when the stored used-booking memory is corrupt (never silently
     *     emptied: that would re-enable replays)
     */
    public BookingCheck(TokenVerifier verifier, BookingRules rules, PersistentCell cell, int capacity) {
        if (verifier == null || rules == null || cell == null) {
            throw new IllegalArgumentException("verifier, rules and cell are required");
        }
        this.verifier = verifier;
        this.rules = rules;
        this.cell = cell;
        byte[] stored = cell.read();
        if (stored.length == 0) {
            this.used = new UsedBookingTokens(capacity);
        } else {
            try {
                this.used = UsedBookingTokens.fromBytes(stored, capacity);
            } catch (ProtocolException e) {
                throw new IllegalStateException("used booking tokens: " + e.getMessage(), e);
            }
        }
    }

    /** Judges a scanned token without redeeming it. Never throws for bad input. */
    public BookingVerdict verify(String text, long nowMs) {
        Verdict v = verifier.verifyBooking(text == null ? "" : text, rules, used, seconds(nowMs));
        return new BookingVerdict(BookingReason.of(v.reason()), v.detail(), v.claims(), nowMs);
    }

    /**
     * Judges a scanned token and, when accepted, remembers it as used and persists that before
     * returning, so it can never authorise a second fill, reboot or not.
     */
    public BookingVerdict redeem(String text, long nowMs) {
        BookingVerdict v = verify(text, nowMs);
        if (v.accepted()) {
            TokenClaims c = v.claims();
            used.accept(c.tokenId(), c.expiry(), seconds(nowMs));
            cell.write(used.toBytes());
        }
        return v;
    }

    /** @return how many bookings are remembered (live or not yet purged) */
    public int remembered() {
        return used.size();
    }

    private static long seconds(long ms) {
        return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    }
}
