package io.fieldlink.protocol.senml;

import io.fieldlink.protocol.ProtocolException;

/** A SenML pack that does not decode or resolve; the message names the record index and field. */
public class SenmlException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public SenmlException(String message) {
        super(message);
    }

    public SenmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
