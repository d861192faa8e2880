package io.fieldlink.host.json;

/** Malformed or unexpected JSON; the message names the offset or the field. */
public final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public JsonException(String message) {
        super(message);
    }
}
