package io.fieldlink.host.alert;

import java.util.Locale;

/** The rule family that raised an alert. */
public enum AlertKind {
    /** A channel stayed beyond a limit for a duration. */
    THRESHOLD,
    /** A device has not been heard from. */
    OFFLINE,
    /** A meter's balance runway reached a reminder threshold. */
    LOW_RUNWAY,
    /** A detector found an anomaly. */
    ANOMALY;

    /** @return the name used in the API, e.g. {@code low-runway} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted kinds */
    public static AlertKind parse(String s) {
        for (AlertKind k : values()) {
            if (k.wireName().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind must be threshold, offline, low-runway or anomaly; got '" + s + "'");
    }
}
