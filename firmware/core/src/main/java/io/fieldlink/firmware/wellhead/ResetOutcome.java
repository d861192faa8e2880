package io.fieldlink.firmware.wellhead;

/** The answer to a shut-in reset request. */
public enum ResetOutcome {
    /** The latch was cleared and the safety valve reopened. */
    RESET,
    /** There is nothing to reset. */
    NOT_LATCHED,
    /** The request's credential was not accepted; nothing changed. */
    REFUSED_UNAUTHORISED,
    /** The pressure is still outside PSL..PSH, or its sensor is faulty; nothing changed. */
    REFUSED_CONDITION_PRESENT
}
