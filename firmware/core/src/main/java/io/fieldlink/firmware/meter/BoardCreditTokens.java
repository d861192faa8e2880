package io.fieldlink.firmware.meter;

import io.fieldlink.protocol.token.CreditRules;
import io.fieldlink.protocol.token.CreditTokenWindow;
import io.fieldlink.protocol.token.TokenClaims;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.Verdict;

/**
 * The meter board's {@link CreditTokenCheck}: the protocol's {@link TokenVerifier} (signature by a
 * trusted issuer, credit type, this meter as subject, validity time, the amount limit) for typed
 * tokens, and host-pushed credit that the uplink already verified ({@link #push}) for exactly one
 * following check. Replay is the meter's business (its token memory), so the verifier gets an
 * empty window. Remembers the token id of the latest check for the redemption record.
 * Event-loop thread only.
 */
public final class BoardCreditTokens implements CreditTokenCheck {
    /** The text a pushed credit is redeemed under (never a valid token). */
    public static final String PUSHED = "host-push";

    private final TokenVerifier verifier;
    private final CreditRules rules;
    private CreditClaim pushed;
    private long lastTokenId;

    /**
     * @param verifier checks signatures against the trusted issuers
     * @param meterId this meter's id (the token subject)
     * @param maxAmountMilli the most one token may credit
     */
    public BoardCreditTokens(TokenVerifier verifier, String meterId, long maxAmountMilli) {
        this.verifier = verifier;
        this.rules = new CreditRules(meterId, maxAmountMilli);
    }

    /**
     * Arms a host-pushed credit whose signature the uplink verified: the next {@link #check} of
     * {@link #PUSHED} returns it.
     *
     * @param creditId the host's credit id (shares the token id sequence)
     * @param amountMilli the amount
     */
    public void push(long creditId, long amountMilli) {
        pushed = CreditClaim.ok(creditId, amountMilli);
    }

    /** @return the token id of the latest check (0 when the token could not be read) */
    public long lastTokenId() {
        return lastTokenId;
    }

    @Override
    public CreditClaim check(String token, long nowMillis) {
        if (pushed != null && PUSHED.equals(token)) {
            CreditClaim c = pushed;
            pushed = null;
            lastTokenId = c.tokenId();
            return c;
        }
        lastTokenId = 0;
        if (token == null) {
            return CreditClaim.refused(CreditClaim.MALFORMED);
        }
        Verdict v = verifier.verifyCredit(token, rules, new CreditTokenWindow(), nowMillis / 1000);
        TokenClaims claims = v.claims();
        if (claims != null) {
            lastTokenId = claims.tokenId();
        }
        if (!v.isOk()) {
            return CreditClaim.refused(v.code());
        }
        return CreditClaim.ok(claims.tokenId(), claims.amountMilli());
    }
}
