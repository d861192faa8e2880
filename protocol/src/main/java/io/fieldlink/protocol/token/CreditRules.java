package io.fieldlink.protocol.token;

/** What a meter accepts as credit: its own device id, and at most an amount per token. Immutable. */
public final class CreditRules {
    private final String meterId;
    private final long maxAmountMilli;

    /**
     * @param meterId this meter's device id, compared with the token's subject
     * @param maxAmountMilli the largest amount one token may carry, milli-units (&gt; 0)
     * @throws IllegalArgumentException when the id is empty or the maximum not positive
     */
    public CreditRules(String meterId, long maxAmountMilli) {
        if (meterId.length() == 0 || maxAmountMilli <= 0) {
            throw new IllegalArgumentException("meter id must not be empty and max amount must be positive");
        }
        this.meterId = meterId;
        this.maxAmountMilli = maxAmountMilli;
    }

    public String meterId() {
        return meterId;
    }

    public long maxAmountMilli() {
        return maxAmountMilli;
    }
}
