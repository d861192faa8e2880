package io.fieldlink.protocol.json;

import io.fieldlink.protocol.ProtocolException;

/** JSON text that does not parse, or is not the value the caller asked for; names the offset. */
public class JsonException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }

    static JsonException at(int offset, String what) {
        return new JsonException("JSON error at offset " + offset + ": " + what);
    }
}
