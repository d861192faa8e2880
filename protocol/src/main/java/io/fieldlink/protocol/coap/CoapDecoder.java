package io.fieldlink.protocol.coap;

import io.fieldlink.protocol.coap.CoapFormatException.Reason;

/**
 * Parses the RFC 7252 §3 wire format into a reusable {@link CoapMessage}. Stateless: one instance
 * (or the static methods) may be shared by one thread's callers. Allocation-free once the target
 * message's buffers are warm; memory use is bounded by the datagram length.
 *
 * <p>Malformed input throws {@link CoapFormatException} with its {@link Reason} and byte offset;
 * the target message is then {@linkplain CoapMessage#reset() reset}, never half-filled.
 * Option values are not checked against their option's format here (RFC 7252 §5.4.3 treats such
 * options as unrecognized): see {@link CoapMessage#unrecognizedCriticalOption()} and the typed getters.
 */
public final class CoapDecoder {
    private CoapDecoder() {
    }

    /** Decodes a whole array into a new message. */
    public static CoapMessage decode(byte[] data) {
        CoapMessage m = new CoapMessage();
        decode(data, 0, data.length, m);
        return m;
    }

    /**
     * Decodes {@code data[off..off+len)} into {@code into}.
     *
     * @throws CoapFormatException when the bytes are not a well-formed CoAP message
     */
    public static void decode(byte[] data, int off, int len, CoapMessage into) {
        if (off < 0 || len < 0 || off > data.length - len) {
            throw new IllegalArgumentException("range " + off + "+" + len + " outside " + data.length);
        }
        into.reset();
        try {
            parse(data, off, off + len, into);
        } catch (CoapFormatException e) {
            into.reset();
            throw e;
        }
    }

    /**
     * Reads just enough of a datagram to say whether it is a CON (so a receiver can reject it with
     * RST even when the rest is malformed, RFC 7252 §4.2) and its message id.
     *
     * @return the message id of a version-1 CON message, else -1
     */
    public static int confirmableMessageId(byte[] data, int off, int len) {
        if (len < 4 || (data[off] & 0xF0) != 0x40) {
            return -1;
        }
        return (data[off + 2] & 0xFF) << 8 | (data[off + 3] & 0xFF);
    }

    private static void parse(byte[] d, int start, int end, CoapMessage m) {
        if (end - start < 4) {
            throw fail(Reason.TRUNCATED_HEADER, 0, "need 4 header bytes, got " + (end - start));
        }
        int b0 = d[start] & 0xFF;
        if (b0 >> 6 != 1) {
            throw fail(Reason.BAD_VERSION, 0, "version must be 1, got " + (b0 >> 6));
        }
        int tkl = b0 & 0x0F;
        if (tkl > 8) {
            throw fail(Reason.BAD_TOKEN_LENGTH, 0, "token length " + tkl + " is reserved (0..8 allowed)");
        }
        int code = d[start + 1] & 0xFF;
        m.setType(CoapType.of(b0 >> 4 & 3));
        m.setCode(code);
        m.setMessageId((d[start + 2] & 0xFF) << 8 | (d[start + 3] & 0xFF));
        if (code == CoapCode.EMPTY && (end - start > 4 || tkl > 0)) {
            throw fail(Reason.EMPTY_MESSAGE_WITH_CONTENT, 4, "a 0.00 message must be exactly 4 bytes, got "
                    + (end - start) + " with token length " + tkl);
        }
        int p = start + 4;
        if (end - p < tkl) {
            throw fail(Reason.TRUNCATED_TOKEN, end - start, "token of " + tkl + " bytes, only " + (end - p) + " left");
        }
        m.setToken(d, p, tkl);
        p += tkl;
        int number = 0;
        CoapOptions options = m.options();
        while (p < end) {
            int at = p - start;
            int b = d[p++] & 0xFF;
            if (b == 0xFF) {
                if (p == end) {
                    throw fail(Reason.EMPTY_PAYLOAD_AFTER_MARKER, at, "payload marker with no payload");
                }
                m.setPayload(d, p, end - p);
                return;
            }
            int dn = b >> 4;
            int ln = b & 0x0F;
            if (dn == 15) {
                throw fail(Reason.RESERVED_OPTION_DELTA, at, "option delta nibble 15 outside a payload marker");
            }
            if (ln == 15) {
                throw fail(Reason.RESERVED_OPTION_LENGTH, at, "option length nibble 15 is reserved");
            }
            int delta = extended(d, p, end, dn, start, "delta");
            p += extraBytes(dn);
            int len = extended(d, p, end, ln, start, "length");
            p += extraBytes(ln);
            number += delta;
            if (number > CoapOption.MAX_NUMBER) {
                throw fail(Reason.OPTION_NUMBER_OVERFLOW, at, "option number " + number + " exceeds 65535");
            }
            if (end - p < len) {
                throw fail(Reason.TRUNCATED_OPTION, at, "option " + number + " value of " + len + " bytes, only "
                        + (end - p) + " left");
            }
            options.add(number, d, p, len);
            p += len;
        }
    }

    private static int extraBytes(int nibble) {
        return nibble == 13 ? 1 : nibble == 14 ? 2 : 0;
    }

    private static int extended(byte[] d, int p, int end, int nibble, int start, String what) {
        if (nibble < 13) {
            return nibble;
        }
        int need = extraBytes(nibble);
        if (end - p < need) {
            throw fail(Reason.TRUNCATED_OPTION, p - start, "extended option " + what + " needs " + need + " bytes");
        }
        if (nibble == 13) {
            return (d[p] & 0xFF) + 13;
        }
        return ((d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF)) + 269;
    }

    private static CoapFormatException fail(Reason reason, int offset, String detail) {
        return new CoapFormatException(reason, offset, detail);
    }
}
