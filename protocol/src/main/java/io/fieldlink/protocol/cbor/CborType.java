package io.fieldlink.protocol.cbor;

/**
 * The kind of the next CBOR item, as {@link CborReader#peekType()} sees it. {@link #SIMPLE} covers
 * false, true, null, undefined and the other simple values; {@link #FLOAT} covers half, single and
 * double precision.
 */
public enum CborType {
    UNSIGNED("unsigned integer"),
    NEGATIVE("negative integer"),
    BYTES("byte string"),
    TEXT("text"),
    ARRAY("array"),
    MAP("map"),
    TAG("tag"),
    SIMPLE("simple value"),
    FLOAT("float"),
    BREAK("break");

    private final String description;

    CborType(String description) {
        this.description = description;
    }

    /** A short English name for error messages, e.g. "unsigned integer". */
    public String description() {
        return description;
    }
}
