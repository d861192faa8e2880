package io.fieldlink.protocol.cbor;

import io.fieldlink.protocol.ProtocolException;

/**
 * CBOR input that does not decode (truncated, malformed, over a {@link CborLimits} limit, or not the
 * type the caller asked for), or a value that cannot be encoded. The message names the byte offset,
 * counted in the backing array the reader was given.
 */
public class CborException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public CborException(String message) {
        super(message);
    }

    static CborException truncated(int offset, String what) {
        return new CborException("CBOR truncated at offset " + offset + ": " + what);
    }

    static CborException malformed(int offset, String what) {
        return new CborException("CBOR malformed at offset " + offset + ": " + what);
    }

    static CborException oversized(int offset, String limit, long value, long max) {
        return new CborException("CBOR oversized at offset " + offset + ": " + limit + " "
                + Diagnostic.unsigned(value) + " exceeds limit " + max);
    }

    static CborException wrongType(int offset, String expected, CborType found) {
        return new CborException("CBOR wrong type at offset " + offset + ": expected " + expected
                + ", found " + found.description());
    }
}
