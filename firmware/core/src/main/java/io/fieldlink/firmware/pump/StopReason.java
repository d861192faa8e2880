package io.fieldlink.firmware.pump;

/** Why a fill ended. */
public enum StopReason {
    /** The next meter pulse would have exceeded the authorised quantity. */
    LIMIT,
    /** The driver hung the nozzle up. */
    HANG_UP,
    /** The nozzle was never lifted within the authorisation timeout. */
    NOT_STARTED,
    /** No flow for longer than the no-flow timeout while dispensing. */
    NO_FLOW,
    /** Stopped from the console or by the station (e.g. low storage). */
    CANCELLED
}
