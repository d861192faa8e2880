package io.fieldlink.firmware.meter;

/**
 * Checks a credit token's form, signature, type, subject (this meter) and validity time. It does
 * NOT judge replay: the meter does that with its {@link CreditTokenMemory}, which it persists in
 * the same snapshot as the balance. The board app adapts the protocol's token verifier to this.
 */
public interface CreditTokenCheck {

    /**
     * Checks {@code token} (the text as entered or pushed) at {@code nowMillis}.
     *
     * @return a claim: OK with id and amount, or a refusal reason; never null, never throws for bad input
     */
    CreditClaim check(String token, long nowMillis);
}
