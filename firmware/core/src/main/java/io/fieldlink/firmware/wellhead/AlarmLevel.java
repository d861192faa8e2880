package io.fieldlink.firmware.wellhead;

/** The four analog alarm levels of a channel. */
public enum AlarmLevel {
    /** High-high: value at or above the HH limit. */
    HH,
    /** High: value at or above the H limit. */
    H,
    /** Low: value at or below the L limit. */
    L,
    /** Low-low: value at or below the LL limit. */
    LL;

    /** @return true for HH and H */
    public boolean high() {
        return this == HH || this == H;
    }
}
