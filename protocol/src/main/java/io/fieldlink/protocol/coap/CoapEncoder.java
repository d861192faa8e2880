package io.fieldlink.protocol.coap;

/**
 * Writes {@link CoapMessage}s in the RFC 7252 §3 wire format into one reusable, growing buffer:
 * once the buffer has reached the largest message size, encoding allocates nothing. The encoded
 * bytes are {@code buffer()[0..size())} until the next {@link #encode}. Not thread-safe.
 */
public class CoapEncoder {
    private byte[] buf;
    private int size;
    private final int maxMessageSize;

    /** An encoder with no size limit beyond memory. */
    public CoapEncoder() {
        this(256, Integer.MAX_VALUE);
    }

    /**
     * @param initialCapacity the buffer's first size in bytes
     * @param maxMessageSize  the largest message {@link #encode} accepts, in bytes
     */
    public CoapEncoder(int initialCapacity, int maxMessageSize) {
        this.buf = new byte[Math.max(16, initialCapacity)];
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * Encodes into {@code buffer} from now on (a lent one; it is replaced by a larger one if a
     * message does not fit). The encoder keeps no other buffer: take it back with {@link #buffer()}.
     *
     * @param buffer at least 16 bytes
     * @return this
     */
    public CoapEncoder into(byte[] buffer) {
        if (buffer.length < 16) {
            throw new IllegalArgumentException("encode buffer of " + buffer.length + " bytes is too small");
        }
        buf = buffer;
        size = 0;
        return this;
    }

    /**
     * Encodes {@code m}, replacing what the buffer held.
     *
     * @return the number of bytes written, also {@link #size()}
     * @throws CoapFormatException {@code EMPTY_MESSAGE_WITH_CONTENT} for a 0.00 message with a token,
     *                             options or payload; {@code MESSAGE_TOO_LARGE} past the size limit
     */
    public int encode(CoapMessage m) {
        CoapOptions o = m.options();
        if (m.code() == CoapCode.EMPTY && (m.tokenLength() > 0 || o.count() > 0 || m.payloadLength() > 0)) {
            throw new CoapFormatException(CoapFormatException.Reason.EMPTY_MESSAGE_WITH_CONTENT, -1,
                    "a 0.00 message must be 4 bytes: no token, options or payload");
        }
        size = 0;
        ensure(4 + m.tokenLength());
        buf[0] = (byte) (0x40 | m.type().value() << 4 | m.tokenLength());
        buf[1] = (byte) m.code();
        buf[2] = (byte) (m.messageId() >> 8);
        buf[3] = (byte) m.messageId();
        size = 4;
        for (int i = 0; i < m.tokenLength(); i++) {
            buf[size++] = m.tokenByte(i);
        }
        int previous = 0;
        for (int i = 0; i < o.count(); i++) {
            int number = o.number(i);
            int len = o.length(i);
            ensure(5 + len);
            int delta = number - previous;
            int head = size++;
            int dn = writeExtended(delta);
            int ln = writeExtended(len);
            buf[head] = (byte) (dn << 4 | ln);
            System.arraycopy(o.data(), o.offset(i), buf, size, len);
            size += len;
            previous = number;
        }
        if (m.payloadLength() > 0) {
            ensure(1 + m.payloadLength());
            buf[size++] = (byte) 0xFF;
            System.arraycopy(m.payloadArray(), 0, buf, size, m.payloadLength());
            size += m.payloadLength();
        }
        return size;
    }

    /** The backing array; the last message is at {@code [0, size())}. */
    public byte[] buffer() {
        return buf;
    }

    /** The length of the last encoded message. */
    public int size() {
        return size;
    }

    /** A copy of the last encoded message. */
    public byte[] toByteArray() {
        byte[] out = new byte[size];
        System.arraycopy(buf, 0, out, 0, size);
        return out;
    }

    /** Writes the extended bytes of a delta or length (if any) and returns its 4-bit nibble. */
    private int writeExtended(int v) {
        if (v < 13) {
            return v;
        }
        if (v < 269) {
            buf[size++] = (byte) (v - 13);
            return 13;
        }
        int e = v - 269;
        buf[size++] = (byte) (e >> 8);
        buf[size++] = (byte) e;
        return 14;
    }

    private void ensure(int more) {
        long need = (long) size + more;
        if (need > maxMessageSize) {
            throw new CoapFormatException(CoapFormatException.Reason.MESSAGE_TOO_LARGE, -1,
                    "message exceeds " + maxMessageSize + " bytes");
        }
        if (need > buf.length) {
            byte[] bigger = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, buf.length * 2L))];
            System.arraycopy(buf, 0, bigger, 0, size);
            buf = bigger;
        }
    }
}
