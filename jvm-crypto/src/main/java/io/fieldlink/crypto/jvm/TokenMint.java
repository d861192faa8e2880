package io.fieldlink.crypto.jvm;

import io.fieldlink.protocol.token.TokenClaims;
import io.fieldlink.protocol.token.TokenText;
import io.fieldlink.protocol.token.TrustedKeys;

/**
 * Mints token texts with one issuer key: what the host's top-up and booking services and fieldctl's
 * {@code token} commands call. Immutable and thread-safe. The caller owns the numbering: credit ids are
 * the meter's counter (issue them in order; see {@code CreditTokenWindow}), booking ids must be unique
 * among a station's live bookings.
 */
public final class TokenMint {
    private final IssuerKeyPair key;

    public TokenMint(IssuerKeyPair key) {
        this.key = key;
    }

    /** Signs {@code claims} and returns the {@code FL1:} text to print or put in a QR code. */
    public String mint(TokenClaims claims) {
        return TokenText.encode(claims, key);
    }

    /**
     * Mints credit for one meter, without expiry.
     *
     * @param amountMilli milli-units of the currency, &gt; 0
     * @throws IllegalArgumentException when the claims are inconsistent
     */
    public String credit(String meterId, long tokenId, long amountMilli) {
        return mint(TokenClaims.credit(meterId, tokenId, amountMilli));
    }

    /**
     * Mints a booking for one station.
     *
     * @param quantityGrams CNG in grams, &gt; 0
     * @param slotStart slot start, epoch seconds
     * @param slotEnd slot end, epoch seconds, after the start
     * @param expiry when the pump forgets it, epoch seconds, not before the slot end
     * @param pump pump number, or {@link TokenClaims#ANY_PUMP}
     * @throws IllegalArgumentException when the claims are inconsistent
     */
    public String booking(String stationId, long bookingId, long quantityGrams, long slotStart, long slotEnd,
            long expiry, int pump) {
        return mint(TokenClaims.booking(stationId, bookingId, quantityGrams, slotStart, slotEnd, expiry).withPump(pump));
    }

    /** Returns the key this mint signs with. */
    public IssuerKeyPair key() {
        return key;
    }

    /** Returns trusted keys holding this mint's public key: what a device is provisioned with. */
    public TrustedKeys trustedKeys() {
        return new TrustedKeys().add(key.keyId(), key.publicKey());
    }
}
