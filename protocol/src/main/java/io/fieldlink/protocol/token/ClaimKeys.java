package io.fieldlink.protocol.token;

/**
 * The integer keys of the claims map (docs/protocol.md (Tokens) has the table). All values are unsigned integers
 * except {@link #SUBJECT} (text). Times are seconds since 1970-01-01T00:00:00Z.
 */
public final class ClaimKeys {
    /** Format version, {@value TokenClaims#VERSION}. Required. */
    public static final int VERSION = 1;
    /** {@link TokenType} wire value. Required. */
    public static final int TYPE = 2;
    /** Text: the meter's device id (credit) or the station id (booking). Required. */
    public static final int SUBJECT = 3;
    /** Token id: the meter's credit counter, or the booking number. 0 to 2^63-1. Required. */
    public static final int TOKEN_ID = 4;
    /** Credit amount in milli-units of the currency, &gt; 0. Credit only, required. */
    public static final int AMOUNT = 5;
    /** Booked quantity in grams of CNG, &gt; 0. Booking only, required. */
    public static final int QUANTITY = 6;
    /** Not valid before this time. Optional. */
    public static final int NOT_BEFORE = 7;
    /** Not valid at or after this time. Optional for credit, required for booking. */
    public static final int EXPIRY = 8;
    /** Booking slot start. Booking only, required. */
    public static final int SLOT_START = 9;
    /** Booking slot end, &gt; slot start. Booking only, required. */
    public static final int SLOT_END = 10;
    /** Pump number at the station, &ge; 1. Booking only, optional (absent: any pump). */
    public static final int PUMP = 11;

    private ClaimKeys() {
    }
}
