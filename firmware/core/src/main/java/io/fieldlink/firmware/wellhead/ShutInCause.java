package io.fieldlink.firmware.wellhead;

/** Why the well was shut in. */
public enum ShutInCause {
    /** Pressure safety high held past its debounce. */
    PSH,
    /** Pressure safety low held past its debounce. */
    PSL,
    /** Latched at boot: the well was shut in when the board went down. */
    RESTORED
}
