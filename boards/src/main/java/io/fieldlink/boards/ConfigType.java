package io.fieldlink.boards;

/** The type of a configuration value; all values are kept as text and checked against their type. */
public enum ConfigType {
    /** A signed integer (money in milli-units, Wh, grams ...), optionally bounded. */
    INT,
    /** true or false. */
    BOOL,
    /** A duration such as 15min (see board file format). */
    DURATION,
    /** 4 to 8 decimal digits; never shown by the console. */
    PIN,
    /** Free text; the app checks its own syntax (e.g. tariff bands). */
    TEXT
}
