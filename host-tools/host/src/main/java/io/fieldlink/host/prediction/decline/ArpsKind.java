package io.fieldlink.host.prediction.decline;

import java.util.Locale;

/** The Arps decline families. */
public enum ArpsKind {
    /** b = 0: q = qi·e^(−Di·t). */
    EXPONENTIAL,
    /** 0 &lt; b: q = qi / (1 + b·Di·t)^(1/b). */
    HYPERBOLIC,
    /** b = 1: q = qi / (1 + Di·t). */
    HARMONIC,
    /** Hyperbolic until the instantaneous decline falls to a terminal rate, exponential after. */
    MODIFIED_HYPERBOLIC;

    /** @return the name used in the API, e.g. {@code modified-hyperbolic} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
