package io.fieldlink.protocol.record;

import io.fieldlink.protocol.ProtocolException;

/** A Fieldlink record that does not decode; the message starts with the path of the bad field. */
public class RecordException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public RecordException(String message) {
        super(message);
    }

    public RecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
