package io.fieldlink.protocol.coap;

import io.fieldlink.protocol.ProtocolException;

/**
 * A CoAP message that does not decode, an option value of the wrong form, or a message that cannot
 * be encoded. {@link #reason()} names the rule that was broken and {@link #offset()} the byte (or -1
 * when no single byte is to blame); the message says both in words.
 */
public class CoapFormatException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the message. */
    public enum Reason {
        /** Fewer than the 4 header bytes. */
        TRUNCATED_HEADER,
        /** The version field is not 1. */
        BAD_VERSION,
        /** Token length 9..15 (reserved). */
        BAD_TOKEN_LENGTH,
        /** The message ends inside the token. */
        TRUNCATED_TOKEN,
        /** The message ends inside an option's extended delta, extended length or value. */
        TRUNCATED_OPTION,
        /** An option delta nibble of 15 that is not part of the payload marker. */
        RESERVED_OPTION_DELTA,
        /** An option length nibble of 15 that is not part of the payload marker. */
        RESERVED_OPTION_LENGTH,
        /** The option number would exceed 65535. */
        OPTION_NUMBER_OVERFLOW,
        /** A payload marker with no payload after it. */
        EMPTY_PAYLOAD_AFTER_MARKER,
        /** An empty message (code 0.00) with a token, options or payload. */
        EMPTY_MESSAGE_WITH_CONTENT,
        /** An option value whose length or content is invalid for its option number. */
        BAD_OPTION_VALUE,
        /** A message too large for the encoder's size limit. */
        MESSAGE_TOO_LARGE
    }

    private final Reason reason;
    private final int offset;

    public CoapFormatException(Reason reason, int offset, String detail) {
        super(reason + (offset >= 0 ? " at byte " + offset : "") + ": " + detail);
        this.reason = reason;
        this.offset = offset;
    }

    /** The rule that was broken. */
    public Reason reason() {
        return reason;
    }

    /** The offset (from the start of the message) of the offending byte, or -1. */
    public int offset() {
        return offset;
    }
}
