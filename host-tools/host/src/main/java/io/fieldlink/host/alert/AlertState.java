package io.fieldlink.host.alert;

import java.util.Locale;

/** Where an alert is in its life: open → acknowledged → cleared (or open → cleared). */
public enum AlertState {
    /** Raised, nobody has acknowledged it. */
    OPEN,
    /** Someone has seen it; the condition may still hold. */
    ACKNOWLEDGED,
    /** The condition is over. Final: the same condition later opens a new alert. */
    CLEARED;

    /** @return the name used in the API, e.g. {@code open} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted states */
    public static AlertState parse(String s) {
        for (AlertState a : values()) {
            if (a.wireName().equals(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("state must be open, acknowledged or cleared; got '" + s + "'");
    }
}
