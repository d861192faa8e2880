package io.fieldlink.firmware.pump;

import io.fieldlink.protocol.token.VerdictReason;

/**
 * Why a scanned booking was admitted or refused: the protocol's token verdict reasons, plus the
 * pump's own {@link #PUMP_BUSY}. {@link #code()} is stable (events, console, host).
 */
public enum BookingReason {
    /** All checks passed; the booking authorised a fill. */
    OK("ok"),
    /** Not a token: bad prefix, base45, COSE, algorithm or claims. */
    MALFORMED("malformed"),
    /** Signed under a key id this station was not provisioned with. */
    UNKNOWN_KEY("unknown-key"),
    /** The signature does not verify. */
    BAD_SIGNATURE("bad-signature"),
    /** A credit token shown to the pump. */
    WRONG_TYPE("wrong-type"),
    /** For another station, or names another pump. */
    WRONG_SUBJECT("wrong-subject"),
    /** Before its not-before time or its slot start less the grace. */
    NOT_YET_VALID("not-yet-valid"),
    /** At or after its expiry, or after its slot end plus the grace. */
    EXPIRED("expired"),
    /** Already redeemed here (remembered until it expires, across reboots). */
    REPLAYED("replayed"),
    /** More gas than one fill may draw, or no room left to remember another booking. */
    OVER_LIMIT("over-limit"),
    /** A fill is in progress; nothing was checked or used up. */
    PUMP_BUSY("pump-busy");

    private final String code;

    BookingReason(String code) {
        this.code = code;
    }

    /** @return the stable short code, e.g. {@code "replayed"} */
    public String code() {
        return code;
    }

    /** @return the pump reason for a protocol verdict reason */
    public static BookingReason of(VerdictReason reason) {
        switch (reason) {
            case OK:
                return OK;
            case MALFORMED:
                return MALFORMED;
            case UNKNOWN_KEY:
                return UNKNOWN_KEY;
            case BAD_SIGNATURE:
                return BAD_SIGNATURE;
            case WRONG_TYPE:
                return WRONG_TYPE;
            case WRONG_SUBJECT:
                return WRONG_SUBJECT;
            case NOT_YET_VALID:
                return NOT_YET_VALID;
            case EXPIRED:
                return EXPIRED;
            case REPLAYED:
                return REPLAYED;
            default:
                return OVER_LIMIT;
        }
    }
}
