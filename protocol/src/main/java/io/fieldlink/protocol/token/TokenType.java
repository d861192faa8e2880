package io.fieldlink.protocol.token;

/** What a token is for; its wire value is claim {@link ClaimKeys#TYPE}. */
public enum TokenType {
    /** Prepaid meter credit: an amount in milli-units for one meter. */
    CREDIT(1),
    /** A CNG pump booking: a quantity in grams at one station, in a time slot. */
    BOOKING(2);

    private final int wireValue;

    TokenType(int wireValue) {
        this.wireValue = wireValue;
    }

    /** Returns the integer carried in the claims. */
    public int wireValue() {
        return wireValue;
    }

    /** Returns the type with this wire value, or {@code null} when there is none. */
    public static TokenType fromWireValue(long value) {
        for (TokenType type : values()) {
            if (type.wireValue == value) {
                return type;
            }
        }
        return null;
    }
}
