package io.fieldlink.protocol.coap;

/**
 * One CoAP message (RFC 7252 §3): type, code, message id, token (0..8 bytes), options and payload,
 * with typed accessors for the options Fieldlink uses. Mutable and reusable: {@link #reset()} keeps
 * the buffers, so a warm instance is filled, encoded and decoded into without allocating (string
 * getters and {@code copy*} methods allocate their result).
 *
 * <p>Typed getters return -1 (or null) when the option is absent and throw
 * {@link CoapFormatException} with {@code BAD_OPTION_VALUE} when it is present in a form the RFC
 * does not allow. Not thread-safe.
 */
public class CoapMessage {
    private CoapType type = CoapType.CON;
    private int code;
    private int messageId;
    private final byte[] token = new byte[8];
    private int tokenLength;
    private final CoapOptions options = new CoapOptions();
    private byte[] payload = new byte[0];
    private int payloadLength;

    /** Clears the message to an empty CON 0.00 with id 0; keeps the buffers. */
    public CoapMessage reset() {
        type = CoapType.CON;
        code = 0;
        messageId = 0;
        tokenLength = 0;
        options.clear();
        payloadLength = 0;
        return this;
    }

    /** Makes this message an exact copy of {@code other}. */
    public CoapMessage copyFrom(CoapMessage other) {
        type = other.type;
        code = other.code;
        messageId = other.messageId;
        System.arraycopy(other.token, 0, token, 0, other.tokenLength);
        tokenLength = other.tokenLength;
        options.copyFrom(other.options);
        setPayload(other.payload, 0, other.payloadLength);
        return this;
    }

    public CoapType type() {
        return type;
    }

    public CoapMessage setType(CoapType type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        this.type = type;
        return this;
    }

    /** The code as its wire byte; see {@link CoapCode}. */
    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException unless {@code code} is 0..255 */
    public CoapMessage setCode(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("code must be 0..255, got " + code);
        }
        this.code = code;
        return this;
    }

    /** The message id, 0..65535. */
    public int messageId() {
        return messageId;
    }

    /** @throws IllegalArgumentException unless {@code id} is 0..65535 */
    public CoapMessage setMessageId(int id) {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("message id must be 0..65535, got " + id);
        }
        this.messageId = id;
        return this;
    }

    public int tokenLength() {
        return tokenLength;
    }

    /** The {@code i}-th token byte. */
    public byte tokenByte(int i) {
        if (i < 0 || i >= tokenLength) {
            throw new IndexOutOfBoundsException("token byte " + i + " of " + tokenLength);
        }
        return token[i];
    }

    /** The token as a big-endian unsigned number (tokens are at most 8 bytes); 0 for an empty token. */
    public long tokenAsLong() {
        long v = 0;
        for (int i = 0; i < tokenLength; i++) {
            v = v << 8 | (token[i] & 0xFF);
        }
        return v;
    }

    /** A copy of the token. */
    public byte[] copyToken() {
        byte[] t = new byte[tokenLength];
        System.arraycopy(token, 0, t, 0, tokenLength);
        return t;
    }

    /** @throws IllegalArgumentException if longer than 8 bytes or out of bounds */
    public CoapMessage setToken(byte[] src, int off, int len) {
        if (len < 0 || len > 8 || off < 0 || off > src.length - len) {
            throw new IllegalArgumentException("token must be 0..8 bytes within the array, got " + off + "+" + len);
        }
        System.arraycopy(src, off, token, 0, len);
        tokenLength = len;
        return this;
    }

    public CoapMessage setToken(byte[] src) {
        return setToken(src, 0, src.length);
    }

    /** Sets a token of {@code length} bytes holding the low bytes of {@code value}, big-endian. */
    public CoapMessage setToken(long value, int length) {
        if (length < 0 || length > 8) {
            throw new IllegalArgumentException("token must be 0..8 bytes, got " + length);
        }
        for (int i = length - 1; i >= 0; i--) {
            token[i] = (byte) value;
            value >>>= 8;
        }
        tokenLength = length;
        return this;
    }

    /** True when the tokens are byte-for-byte equal. */
    public boolean tokenEquals(CoapMessage other) {
        if (tokenLength != other.tokenLength) {
            return false;
        }
        for (int i = 0; i < tokenLength; i++) {
            if (token[i] != other.token[i]) {
                return false;
            }
        }
        return true;
    }

    /** The options, sorted by number; change them freely. */
    public CoapOptions options() {
        return options;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** The backing payload array, valid from 0 to {@link #payloadLength()} until the next change. Do not modify. */
    public byte[] payloadArray() {
        return payload;
    }

    /** A copy of the payload. */
    public byte[] copyPayload() {
        byte[] p = new byte[payloadLength];
        System.arraycopy(payload, 0, p, 0, payloadLength);
        return p;
    }

    /** Copies {@code src[off..off+len)} in as the payload (length 0 means no payload). */
    public CoapMessage setPayload(byte[] src, int off, int len) {
        if (off < 0 || len < 0 || off > src.length - len) {
            throw new IllegalArgumentException("payload range " + off + "+" + len + " outside " + src.length);
        }
        if (payload.length < len) {
            payload = new byte[Math.max(len, payload.length * 2)];
        }
        System.arraycopy(src, off, payload, 0, len);
        payloadLength = len;
        return this;
    }

    public CoapMessage setPayload(byte[] src) {
        return setPayload(src, 0, src.length);
    }

    /** The payload as UTF-8 text. */
    public String payloadString() {
        return Utf8.decode(payload, 0, payloadLength);
    }

    // ---- typed options --------------------------------------------------------------------

    /** Appends one Uri-Path segment (no slashes inside). */
    public CoapMessage addUriPath(String segment) {
        options.addString(CoapOption.URI_PATH, segment);
        return this;
    }

    /** Replaces the Uri-Path with the segments of {@code path} split at '/'; empty segments are skipped. */
    public CoapMessage setUriPath(String path) {
        options.remove(CoapOption.URI_PATH);
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    options.addString(CoapOption.URI_PATH, path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return this;
    }

    /** The Uri-Path segments joined with '/', without a leading slash; "" when absent. */
    public String uriPath() {
        return joined(CoapOption.URI_PATH, '/');
    }

    /** Appends one Uri-Query argument such as {@code seq=42}. */
    public CoapMessage addUriQuery(String argument) {
        options.addString(CoapOption.URI_QUERY, argument);
        return this;
    }

    /** The Uri-Query arguments joined with '&amp;'; "" when absent. */
    public String uriQuery() {
        return joined(CoapOption.URI_QUERY, '&');
    }

    public CoapMessage setContentFormat(int format) {
        options.setUint(CoapOption.CONTENT_FORMAT, checkRange(format, 0xFFFF, "Content-Format"));
        return this;
    }

    /** The Content-Format, or -1 when absent. */
    public int contentFormat() {
        return (int) uintOption(CoapOption.CONTENT_FORMAT);
    }

    public CoapMessage setAccept(int format) {
        options.setUint(CoapOption.ACCEPT, checkRange(format, 0xFFFF, "Accept"));
        return this;
    }

    /** The Accept option, or -1 when absent. */
    public int accept() {
        return (int) uintOption(CoapOption.ACCEPT);
    }

    /** Sets Observe (RFC 7641): 0 registers, 1 deregisters; in notifications a 24-bit sequence number. */
    public CoapMessage setObserve(int value) {
        options.setUint(CoapOption.OBSERVE, checkRange(value, 0xFFFFFF, "Observe"));
        return this;
    }

    /** The Observe option, or -1 when absent. */
    public int observe() {
        return (int) uintOption(CoapOption.OBSERVE);
    }

    /** Sets Block1 from a packed {@link BlockOption} value. */
    public CoapMessage setBlock1(int block) {
        options.setUint(CoapOption.BLOCK1, checkBlock(block));
        return this;
    }

    /** The packed Block1 value, or -1 when absent. */
    public int block1() {
        return blockOption(CoapOption.BLOCK1);
    }

    /** Sets Block2 from a packed {@link BlockOption} value. */
    public CoapMessage setBlock2(int block) {
        options.setUint(CoapOption.BLOCK2, checkBlock(block));
        return this;
    }

    /** The packed Block2 value, or -1 when absent. */
    public int block2() {
        return blockOption(CoapOption.BLOCK2);
    }

    /** Sets the one ETag of a response (1..8 bytes). */
    public CoapMessage setETag(byte[] etag) {
        if (etag.length < 1 || etag.length > 8) {
            throw new IllegalArgumentException("ETag must be 1..8 bytes, got " + etag.length);
        }
        options.remove(CoapOption.ETAG);
        options.add(CoapOption.ETAG, etag);
        return this;
    }

    /** A copy of the first ETag, or null when absent. */
    public byte[] etag() {
        int i = options.indexOf(CoapOption.ETAG);
        if (i < 0) {
            return null;
        }
        checkLength(i);
        return options.value(i);
    }

    /** True when the first ETag equals {@code etag} (both absent counts as equal: pass null). */
    public boolean etagEquals(byte[] etag) {
        int i = options.indexOf(CoapOption.ETAG);
        if (i < 0 || etag == null) {
            return i < 0 && etag == null;
        }
        return options.valueEquals(i, etag, 0, etag.length);
    }

    /** Sets Max-Age in seconds. */
    public CoapMessage setMaxAge(long seconds) {
        options.setUint(CoapOption.MAX_AGE, seconds);
        return this;
    }

    /** Max-Age in seconds; 60 when absent (RFC 7252 §5.10.5). */
    public long maxAge() {
        long v = uintOption(CoapOption.MAX_AGE);
        return v < 0 ? 60 : v;
    }

    /** Sets Size1 (request body size in bytes, RFC 7959 §4). */
    public CoapMessage setSize1(long bytes) {
        options.setUint(CoapOption.SIZE1, bytes);
        return this;
    }

    /** Size1 in bytes, or -1 when absent. */
    public long size1() {
        return uintOption(CoapOption.SIZE1);
    }

    /** Sets Size2 (representation size in bytes, RFC 7959 §4). */
    public CoapMessage setSize2(long bytes) {
        options.setUint(CoapOption.SIZE2, bytes);
        return this;
    }

    /** Size2 in bytes, or -1 when absent. */
    public long size2() {
        return uintOption(CoapOption.SIZE2);
    }

    /**
     * The number of the first critical option this codec cannot honour (unknown, value length out
     * of range, or a non-repeatable option repeated; RFC 7252 §5.4.1, §5.4.3, §5.4.5), or -1.
     * A server answers such a request with 4.02 Bad Option; a client rejects such a CON response with RST.
     */
    public int unrecognizedCriticalOption() {
        int previous = -1;
        for (int i = 0; i < options.count(); i++) {
            int n = options.number(i);
            if (CoapOption.isCritical(n)) {
                int len = options.length(i);
                boolean bad = !CoapOption.isKnown(n) || len < CoapOption.minLength(n) || len > CoapOption.maxLength(n)
                        || (n == previous && !CoapOption.isRepeatable(n));
                if (bad) {
                    return n;
                }
            }
            previous = n;
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(type).append(' ').append(CoapCode.name(code)).append(" mid=").append(messageId).append(" token=");
        for (int i = 0; i < tokenLength; i++) {
            int b = token[i] & 0xFF;
            sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
        }
        for (int i = 0; i < options.count(); i++) {
            sb.append(" opt").append(options.number(i)).append('[').append(options.length(i)).append(']');
        }
        return sb.append(" payload=").append(payloadLength).append('B').toString();
    }

    private long uintOption(int number) {
        int i = options.indexOf(number);
        if (i < 0) {
            return -1;
        }
        checkLength(i);
        return options.uint(i);
    }

    private int blockOption(int number) {
        int v = (int) uintOption(number);
        if (v >= 0 && BlockOption.szx(v) == 7) {
            throw new CoapFormatException(CoapFormatException.Reason.BAD_OPTION_VALUE, -1,
                    "option " + number + " has the reserved SZX 7");
        }
        return v;
    }

    private void checkLength(int i) {
        int n = options.number(i);
        int len = options.length(i);
        if (len < CoapOption.minLength(n) || len > CoapOption.maxLength(n)) {
            throw new CoapFormatException(CoapFormatException.Reason.BAD_OPTION_VALUE, -1, "option " + n + " must be "
                    + CoapOption.minLength(n) + ".." + CoapOption.maxLength(n) + " bytes, got " + len);
        }
    }

    private String joined(int number, char separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < options.count(); i++) {
            if (options.number(i) == number) {
                if (sb.length() > 0) {
                    sb.append(separator);
                }
                sb.append(options.string(i));
            }
        }
        return sb.toString();
    }

    private static int checkBlock(int block) {
        BlockOption.of(BlockOption.num(block), BlockOption.more(block), BlockOption.szx(block));
        return block;
    }

    private static long checkRange(int v, int max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " must be 0.." + max + ", got " + v);
        }
        return v;
    }
}
