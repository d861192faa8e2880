package io.fieldlink.protocol.json;

/** What {@link JsonReader#peek()} sees next. */
public enum JsonToken {
    BEGIN_ARRAY("array"),
    END_ARRAY("end of array"),
    BEGIN_OBJECT("object"),
    END_OBJECT("end of object"),
    NAME("name"),
    STRING("string"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    NULL("null"),
    END_DOCUMENT("end of input");

    private final String description;

    JsonToken(String description) {
        this.description = description;
    }

    /** A short English name for error messages. */
    public String description() {
        return description;
    }
}
