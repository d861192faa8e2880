package io.fieldlink.protocol;

/**
 * The protocol module's one unchecked root exception: input that does not decode, or a value that
 * cannot be encoded. The message names what is wrong (the field, the offset, the limit) so that it
 * can be shown to whoever sent the input. Outcomes a peer must act on (CoAP response codes, token
 * verdicts) are values, not exceptions.
 */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
