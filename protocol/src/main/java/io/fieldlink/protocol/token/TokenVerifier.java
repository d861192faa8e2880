package io.fieldlink.protocol.token;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.crypto.Crypto;
import io.fieldlink.protocol.crypto.Hex;

/**
 * Checks token texts offline and says why one is refused. Checks run in this order and the first
 * failure is the verdict: structure (malformed), key id (unknown-key), signature (bad-signature),
 * claims (malformed), type, subject and pump (wrong-subject), not-before and slot start less the grace
 * (not-yet-valid), expiry and slot end plus the grace (expired), token state (replayed), amount or
 * quantity and the room to remember a booking (over-limit).
 *
 * <p>Verification never changes the token state. On an ok verdict the caller journals the token, then
 * commits it: {@code window.accept(claims.tokenId())} or {@code used.accept(claims.tokenId(),
 * claims.expiry(), now)}. Never throws for bad input; any failure to decode is "malformed". Thread-safe
 * when the trusted keys are no longer changed; the state passed in belongs to the caller.
 */
public final class TokenVerifier {
    private final Crypto crypto;
    private final TrustedKeys keys;

    public TokenVerifier(Crypto crypto, TrustedKeys keys) {
        this.crypto = crypto;
        this.keys = keys;
    }

    /** Checks a credit token for the meter of {@code rules} at {@code nowSeconds} (epoch seconds). */
    public Verdict verifyCredit(String text, CreditRules rules, CreditTokenWindow window, long nowSeconds) {
        Verdict signed = verifySigned(text);
        TokenClaims c = signed.claims();
        if (c == null) {
            return signed;
        }
        if (c.type() != TokenType.CREDIT) {
            return refuse(VerdictReason.WRONG_TYPE, "a " + c.type() + " token is not credit", c);
        }
        if (!c.subject().equals(rules.meterId())) {
            return refuse(VerdictReason.WRONG_SUBJECT, "for meter " + c.subject() + ", not " + rules.meterId(), c);
        }
        Verdict time = checkValidity(c, nowSeconds);
        if (time != null) {
            return time;
        }
        if (window.isTooOld(c.tokenId())) {
            return refuse(VerdictReason.REPLAYED, "token id " + c.tokenId() + " is older than the window (highest "
                    + window.highest() + ")", c);
        }
        if (window.isUsed(c.tokenId())) {
            return refuse(VerdictReason.REPLAYED, "token id " + c.tokenId() + " was already used", c);
        }
        if (c.amountMilli() > rules.maxAmountMilli()) {
            return refuse(VerdictReason.OVER_LIMIT, "amount " + c.amountMilli() + " is above the limit "
                    + rules.maxAmountMilli(), c);
        }
        return new Verdict(VerdictReason.OK, "credit " + c.amountMilli() + " milli-units, token id " + c.tokenId(), c);
    }

    /** Checks a booking token for the pump of {@code rules} at {@code nowSeconds} (epoch seconds). */
    public Verdict verifyBooking(String text, BookingRules rules, UsedBookingTokens used, long nowSeconds) {
        Verdict signed = verifySigned(text);
        TokenClaims c = signed.claims();
        if (c == null) {
            return signed;
        }
        if (c.type() != TokenType.BOOKING) {
            return refuse(VerdictReason.WRONG_TYPE, "a " + c.type() + " token is not a booking", c);
        }
        if (!c.subject().equals(rules.stationId())) {
            return refuse(VerdictReason.WRONG_SUBJECT, "for station " + c.subject() + ", not " + rules.stationId(), c);
        }
        if (c.pump() != TokenClaims.ANY_PUMP && c.pump() != rules.pump()) {
            return refuse(VerdictReason.WRONG_SUBJECT, "for pump " + c.pump() + ", not " + rules.pump(), c);
        }
        Verdict time = checkValidity(c, nowSeconds);
        if (time != null) {
            return time;
        }
        if (nowSeconds + rules.graceSeconds() < c.slotStart()) {
            return refuse(VerdictReason.NOT_YET_VALID, "slot starts at " + c.slotStart() + " (grace "
                    + rules.graceSeconds() + " s), now " + nowSeconds, c);
        }
        if (nowSeconds - rules.graceSeconds() > c.slotEnd()) {
            return refuse(VerdictReason.EXPIRED, "slot ended at " + c.slotEnd() + " (grace " + rules.graceSeconds()
                    + " s), now " + nowSeconds, c);
        }
        if (used.isUsed(c.tokenId())) {
            return refuse(VerdictReason.REPLAYED, "booking " + c.tokenId() + " was already used", c);
        }
        if (c.quantityGrams() > rules.maxQuantityGrams()) {
            return refuse(VerdictReason.OVER_LIMIT, "quantity " + c.quantityGrams() + " g is above the limit "
                    + rules.maxQuantityGrams() + " g", c);
        }
        if (!used.hasRoom(nowSeconds)) {
            return refuse(VerdictReason.OVER_LIMIT, "no room to remember another booking (" + used.capacity()
                    + " live)", c);
        }
        return new Verdict(VerdictReason.OK, "booking " + c.tokenId() + ", " + c.quantityGrams() + " g", c);
    }

    /**
     * Checks structure, key and signature and decodes the claims. Returns a verdict with claims when
     * all of that holds (its reason is then OK, meaning only "signed"); otherwise the refusal, without
     * claims.
     */
    private Verdict verifySigned(String text) {
        CoseSign1 message;
        try {
            message = TokenText.decode(text);
        } catch (ProtocolException e) {
            return refuse(VerdictReason.MALFORMED, e.getMessage(), null);
        } catch (RuntimeException e) {
            return refuse(VerdictReason.MALFORMED, "undecodable token (" + e.getClass().getName() + ")", null);
        }
        byte[] kid = message.keyId();
        if (kid == null) {
            return refuse(VerdictReason.MALFORMED, "no key id in the COSE headers", null);
        }
        if (!message.hasAlgorithm() || message.algorithm() != CoseSign1.ALG_EDDSA) {
            return refuse(VerdictReason.MALFORMED, "algorithm must be EdDSA (-8)", null);
        }
        byte[] publicKey = kid.length <= TrustedKeys.MAX_KEY_ID_LENGTH ? keys.find(kid) : null;
        if (publicKey == null) {
            return refuse(VerdictReason.UNKNOWN_KEY, "key id " + Hex.encode(kid) + " is not trusted", null);
        }
        if (!message.verify(crypto, publicKey)) {
            return refuse(VerdictReason.BAD_SIGNATURE, "signature does not verify under key " + Hex.encode(kid), null);
        }
        try {
            TokenClaims claims = TokenClaimsCodec.decode(message.payload());
            return new Verdict(VerdictReason.OK, "signed by key " + Hex.encode(kid), claims);
        } catch (ProtocolException e) {
            return refuse(VerdictReason.MALFORMED, e.getMessage(), null);
        } catch (RuntimeException e) {
            return refuse(VerdictReason.MALFORMED, "undecodable claims (" + e.getClass().getName() + ")", null);
        }
    }

    private static Verdict checkValidity(TokenClaims c, long nowSeconds) {
        if (nowSeconds < c.notBefore()) {
            return refuse(VerdictReason.NOT_YET_VALID, "valid from " + c.notBefore() + ", now " + nowSeconds, c);
        }
        if (nowSeconds >= c.expiry()) {
            return refuse(VerdictReason.EXPIRED, "expired at " + c.expiry() + ", now " + nowSeconds, c);
        }
        return null;
    }

    private static Verdict refuse(VerdictReason reason, String detail, TokenClaims claims) {
        return new Verdict(reason, detail, claims);
    }
}
