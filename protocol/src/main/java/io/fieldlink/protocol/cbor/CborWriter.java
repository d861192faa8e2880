package io.fieldlink.protocol.cbor;

/**
 * Writes CBOR items into a growable byte buffer, always in preferred serialization (shortest
 * argument, definite lengths, shortest exact float). Keeping map keys in order is the caller's
 * business; {@link CborValue} sorts them for you.
 *
 * <p>Reuse: {@link #reset()} keeps the buffer, so once it has grown to the largest message a writer
 * allocates nothing per item or per message (only {@link #toByteArray()} copies). Not thread-safe.
 */
public final class CborWriter {
    private byte[] buf;
    private int size;

    public CborWriter() {
        this(64);
    }

    /** @param initialCapacity starting buffer size in bytes (grows as needed) */
    public CborWriter(int initialCapacity) {
        buf = new byte[initialCapacity < 16 ? 16 : initialCapacity];
    }

    /** Forgets everything written; keeps the buffer. */
    public CborWriter reset() {
        size = 0;
        return this;
    }

    /**
     * Forgets everything written and writes into {@code buffer} from now on (a lent one; it is
     * replaced by a larger one if the items do not fit: take the one in use back with {@link #buffer()}).
     *
     * @param buffer at least 16 bytes
     * @return this
     */
    public CborWriter reset(byte[] buffer) {
        if (buffer.length < 16) {
            throw new IllegalArgumentException("CBOR buffer of " + buffer.length + " bytes is too small");
        }
        buf = buffer;
        size = 0;
        return this;
    }

    /** Bytes written since construction or the last {@link #reset()}. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        byte[] out = new byte[size];
        System.arraycopy(buf, 0, out, 0, size);
        return out;
    }

    /** The backing array, valid from 0 up to {@link #size()}; replaced when the buffer grows. */
    public byte[] buffer() {
        return buf;
    }

    /** An integer, as major type 0 or 1. */
    public CborWriter writeInt(long value) {
        return value >= 0 ? head(0, value) : head(1, ~value);
    }

    /** Major type 0 with {@code bits} read as an unsigned 64-bit number (0 .. 2^64-1). */
    public CborWriter writeUnsigned(long bits) {
        return head(0, bits);
    }

    /** Major type 1: the value -1 - {@code bits}, with bits read as unsigned 64-bit. */
    public CborWriter writeNegative(long bits) {
        return head(1, bits);
    }

    public CborWriter writeBytes(byte[] bytes) {
        return writeBytes(bytes, 0, bytes.length);
    }

    public CborWriter writeBytes(byte[] bytes, int off, int len) {
        head(2, len);
        return writeRaw(bytes, off, len);
    }

    /**
     * A text string in UTF-8.
     *
     * @throws CborException if {@code text} holds an unpaired surrogate (nothing is written)
     */
    public CborWriter writeText(String text) {
        int len = Utf8.encodedLength(text);
        head(3, len);
        ensure(len);
        size = Utf8.encode(text, buf, size);
        return this;
    }

    /** The head of an array of {@code n} items; write the items next. */
    public CborWriter writeArrayHeader(int n) {
        return head(4, count(n));
    }

    /** The head of a map of {@code n} pairs; write key, value, key, value ... next. */
    public CborWriter writeMapHeader(int n) {
        return head(5, count(n));
    }

    /** A tag number; write the tagged item next. */
    public CborWriter writeTag(long tag) {
        return head(6, tag);
    }

    public CborWriter writeBoolean(boolean value) {
        return put(value ? 0xf5 : 0xf4);
    }

    public CborWriter writeNull() {
        return put(0xf6);
    }

    public CborWriter writeUndefined() {
        return put(0xf7);
    }

    /**
     * A simple value (0..19, 32..255; 20..23 are false, true, null, undefined).
     *
     * @throws IllegalArgumentException for 24..31 or outside 0..255
     */
    public CborWriter writeSimple(int value) {
        if (value < 0 || value > 255 || (value >= 24 && value < 32)) {
            throw new IllegalArgumentException("not a CBOR simple value: " + value);
        }
        return value < 24 ? put(0xe0 | value) : put(0xf8).put(value);
    }

    /**
     * A float in preferred serialization: half, single or double, whichever is shortest and holds
     * {@code value} exactly; NaN is written as the half-precision quiet NaN {@code f97e00}.
     */
    public CborWriter writeFloat(double value) {
        if (value != value) {
            return put(0xf9).put(0x7e).put(0x00);
        }
        float f = (float) value;
        if (Double.doubleToLongBits(f) == Double.doubleToLongBits(value)) {
            int fb = Float.floatToIntBits(f);
            int half = HalfFloat.fromFloatBits(fb);
            if (half != HalfFloat.NONE) {
                return put(0xf9).put(half >> 8).put(half);
            }
            ensure(5);
            buf[size++] = (byte) 0xfa;
            putBits(fb, 4);
            return this;
        }
        ensure(9);
        buf[size++] = (byte) 0xfb;
        putBits(Double.doubleToLongBits(value), 8);
        return this;
    }

    /** Bytes of items already encoded, copied as they are. */
    public CborWriter writeRaw(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, buf, size, len);
        size += len;
        return this;
    }

    private static int count(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative CBOR container size " + n);
        }
        return n;
    }

    private CborWriter head(int major, long arg) {
        int ib = major << 5;
        ensure(9);
        if (arg >= 0 && arg < 24) {
            buf[size++] = (byte) (ib | (int) arg);
        } else if (arg >= 0 && arg < 0x100) {
            buf[size++] = (byte) (ib | 24);
            buf[size++] = (byte) arg;
        } else if (arg >= 0 && arg < 0x10000) {
            buf[size++] = (byte) (ib | 25);
            putBits(arg, 2);
        } else if (arg >= 0 && arg < 0x100000000L) {
            buf[size++] = (byte) (ib | 26);
            putBits(arg, 4);
        } else {
            buf[size++] = (byte) (ib | 27);
            putBits(arg, 8);
        }
        return this;
    }

    private void putBits(long bits, int n) {
        for (int shift = (n - 1) * 8; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (bits >>> shift);
        }
    }

    private CborWriter put(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            int cap = buf.length * 2;
            if (cap < size + extra) {
                cap = size + extra;
            }
            byte[] grown = new byte[cap];
            System.arraycopy(buf, 0, grown, 0, size);
            buf = grown;
        }
    }
}
