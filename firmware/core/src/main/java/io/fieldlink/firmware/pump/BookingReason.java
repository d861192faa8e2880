package io.fieldlink.firmware.pump;

/** Why a booking e-token was admitted or refused; every verdict carries exactly one. */
public enum BookingReason {
    /** All checks passed; the token may authorise a fill. */
    ACCEPTED,
    /** The text is not a well-formed token (bad prefix, base45, COSE or claims). */
    MALFORMED,
    /** A well-formed token of another kind (e.g. meter credit). */
    NOT_A_BOOKING,
    /** Signed with a key id this station was not provisioned with. */
    UNKNOWN_KEY,
    /** The signature does not verify. */
    BAD_SIGNATURE,
    /** Issued for another station. */
    WRONG_STATION,
    /** Names a pump and it is not this one. */
    WRONG_PUMP,
    /** Scanned before its slot opens (grace included). */
    TOO_EARLY,
    /** Scanned after its slot closed (grace included). */
    SLOT_PASSED,
    /** Past its expiry. */
    EXPIRED,
    /** Quantity is zero, negative or above what this pump may deliver in one fill. */
    BAD_QUANTITY,
    /** Already redeemed here (remembered until it expires, across reboots). */
    ALREADY_USED,
    /** The used-token memory is full of unexpired tokens; refused rather than forget one. */
    MEMORY_FULL,
    /** A fill is in progress; scan again when the pump is idle. */
    PUMP_BUSY
}
