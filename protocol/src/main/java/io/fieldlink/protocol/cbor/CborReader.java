package io.fieldlink.protocol.cbor;

import java.util.Arrays;

/**
 * Pulls CBOR items one at a time from a byte array, checking well-formedness and {@link
 * CborLimits} as it goes. Accepts definite and indefinite lengths and non-preferred (longer than
 * needed) arguments.
 *
 * <p>Errors: every method throws {@link CborException} when the next item is truncated, malformed,
 * over a limit or not of the type asked for; the message names the offset. A wrong-type or
 * out-of-range error leaves the reader where it was. A claimed length larger than the input left
 * fails before anything is allocated. Offsets and {@link #position()} count from the start of the
 * backing array. Not thread-safe.
 */
public final class CborReader {
    private final byte[] buf;
    private final int end;
    private final CborLimits limits;
    private int pos;
    private int items;
    private long arg;
    /** Where {@link #readText()} builds a definite string's chars; grown as needed, kept for the next. */
    private char[] chars;
    /** Texts decoded before, found again by their bytes; null: none. */
    private TextCache texts;

    /** Reads all of {@code buf} with {@link CborLimits#DEFAULTS}. */
    public CborReader(byte[] buf) {
        this(buf, 0, buf.length, CborLimits.DEFAULTS);
    }

    /** Reads {@code len} bytes of {@code buf} from {@code off}; the array is not copied. */
    public CborReader(byte[] buf, int off, int len, CborLimits limits) {
        if (off < 0 || len < 0 || off + len > buf.length || off + len < 0) {
            throw new IndexOutOfBoundsException("CBOR input range " + off + "+" + len + " outside " + buf.length);
        }
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
        this.limits = limits;
    }

    /** The type of the next item, without consuming it. */
    public CborType peekType() {
        return typeOf(peekByte("a data item"));
    }

    /** True while input is left. */
    public boolean hasMore() {
        return pos < end;
    }

    /** Offset of the next item in the backing array. */
    public int position() {
        return pos;
    }

    /**
     * An integer (major type 0 or 1).
     *
     * @throws CborException if the item is not an integer or does not fit a signed 64-bit long
     */
    public long readInt() {
        int at = pos;
        int ib = peekByte("an integer");
        int major = ib >>> 5;
        if (major != 0 && major != 1) {
            throw CborException.wrongType(at, "integer", typeOf(ib));
        }
        readHead();
        if (arg < 0) {
            pos = at;
            throw new CborException("CBOR integer at offset " + at + " does not fit a signed 64-bit integer: "
                    + (major == 0 ? Diagnostic.unsigned(arg) : Diagnostic.negative(arg)));
        }
        return major == 0 ? arg : ~arg;
    }

    /** Major type 0, returned as unsigned 64-bit bits (0 .. 2^64-1). */
    public long readUnsigned() {
        expect(0, CborType.UNSIGNED.description());
        return arg;
    }

    /** Major type 1, returned as the bits n of the value -1 - n (n read as unsigned 64-bit). */
    public long readNegativeBits() {
        expect(1, CborType.NEGATIVE.description());
        return arg;
    }

    /** A byte string, definite or indefinite. */
    public byte[] readBytes() {
        int at = pos;
        int start = stringStart(2, CborType.BYTES.description());
        if (start >= 0) {
            return Arrays.copyOfRange(buf, start, pos);
        }
        return joinChunks(at, 2);
    }

    /** A text string, definite or indefinite; invalid UTF-8 is malformed. */
    public String readText() {
        int at = pos;
        int start = stringStart(3, CborType.TEXT.description());
        if (start >= 0) {
            int len = pos - start;
            if (texts != null) {
                String known = texts.find(buf, start, len);
                if (known != null) {
                    return known;
                }
            }
            if (chars == null || chars.length < len) {
                chars = new char[Math.max(len, 32)];
            }
            String text = Utf8.decode(buf, start, len, chars);
            if (texts != null) {
                texts.keep(buf, start, len, text);
            }
            return text;
        }
        byte[] joined = joinChunks(at, 3);
        try {
            return Utf8.decode(joined, 0, joined.length);
        } catch (CborException e) {
            throw CborException.malformed(at, "indefinite text string is not valid UTF-8");
        }
    }

    /** The head of an array: its length, or -1 when indefinite (then read until {@link #isBreak()}). */
    public int readArrayHeader() {
        return containerHeader(4, 1, CborType.ARRAY.description());
    }

    /** The head of a map: its number of pairs, or -1 when indefinite (then read until {@link #isBreak()}). */
    public int readMapHeader() {
        return containerHeader(5, 2, CborType.MAP.description());
    }

    /** A tag number (unsigned 64-bit bits); the tagged item follows. */
    public long readTag() {
        expect(6, CborType.TAG.description());
        return arg;
    }

    public boolean readBoolean() {
        int ib = peekByte("a boolean");
        if (ib != 0xf4 && ib != 0xf5) {
            throw CborException.wrongType(pos, "boolean", typeOf(ib));
        }
        readHead();
        return ib == 0xf5;
    }

    public void readNull() {
        int ib = peekByte("null");
        if (ib != 0xf6) {
            throw CborException.wrongType(pos, "null", typeOf(ib));
        }
        readHead();
    }

    /** True if the next item is null (nothing is consumed). */
    public boolean isNull() {
        return pos < end && buf[pos] == (byte) 0xf6;
    }

    /** A simple value 0..255 (20 false, 21 true, 22 null, 23 undefined). */
    public int readSimple() {
        int at = pos;
        int ib = peekByte("a simple value");
        if (ib >>> 5 != 7 || (ib & 0x1f) > 24) {
            throw CborException.wrongType(at, "simple value", typeOf(ib));
        }
        readHead();
        return (int) arg;
    }

    /** A half, single or double precision float, widened to double. */
    public double readFloat() {
        int at = pos;
        int ib = peekByte("a float");
        int ai = ib & 0x1f;
        if (ib >>> 5 != 7 || ai < 25 || ai > 27) {
            throw CborException.wrongType(at, "float", typeOf(ib));
        }
        readHead();
        if (ai == 25) {
            return HalfFloat.toDouble((int) arg);
        }
        return ai == 26 ? Float.intBitsToFloat((int) arg) : Double.longBitsToDouble(arg);
    }

    /** True if the next byte is the break that ends an indefinite container. */
    public boolean isBreak() {
        return pos < end && buf[pos] == (byte) 0xff;
    }

    public void readBreak() {
        int ib = peekByte("a break");
        if (ib != 0xff) {
            throw CborException.wrongType(pos, "break", typeOf(ib));
        }
        pos++;
    }

    /** Skips one whole item, nested items included. */
    public void skip() {
        skip(0);
    }

    /**
     * Skips one whole item that lies inside {@code containers} open containers, so its own nesting
     * counts against the depth limit from there (as a {@link #skip()} of the outermost item would).
     */
    public void skipInside(int containers) {
        skip(containers);
    }

    /**
     * Fails as a {@link #skip()} of the outermost item would when an indefinite container holds more
     * than the per-container item limit: call with 1, 2, ... for each entry read of one.
     */
    public void countEntry(int count) {
        checkCount(count);
    }

    /**
     * Makes {@link #readText()} return a text it returned before (to any reader sharing {@code cache})
     * instead of decoding the same bytes again; null turns it off.
     */
    public CborReader textCache(TextCache cache) {
        this.texts = cache;
        return this;
    }

    /** The exact bytes of the next item (e.g. to check a signature over them), consuming it. */
    public byte[] readRawItem() {
        int at = pos;
        skip();
        return Arrays.copyOfRange(buf, at, pos);
    }

    CborLimits limits() {
        return limits;
    }

    /** Fails if a container opened inside {@code nesting} others would pass the depth limit. */
    void checkDepth(int nesting) {
        if (nesting + 1 > limits.maxDepth()) {
            throw CborException.oversized(pos, "nesting depth", nesting + 1, limits.maxDepth());
        }
    }

    /** Fails if an indefinite container has reached the per-container item limit. */
    void checkCount(int count) {
        if (count > limits.maxContainerItems()) {
            throw CborException.oversized(pos, "container items", count, limits.maxContainerItems());
        }
    }

    private void skip(int nesting) {
        int at = pos;
        int ib = peekByte("a data item");
        int major = ib >>> 5;
        int ai = ib & 0x1f;
        switch (major) {
            case 2:
            case 3:
                if (stringStart(major, typeOf(ib).description()) < 0) {
                    skipChunks(major);
                }
                return;
            case 4:
            case 5:
                checkDepth(nesting);
                int n = containerHeader(major, major - 3, typeOf(ib).description());
                int per = major - 3;
                if (n >= 0) {
                    for (long i = (long) n * per; i > 0; i--) {
                        skip(nesting + 1);
                    }
                    return;
                }
                for (int count = 1; !isBreakOrEnd(); count++) {
                    checkCount(count);
                    for (int k = 0; k < per; k++) {
                        skip(nesting + 1);
                    }
                }
                readBreak();
                return;
            case 6:
                checkDepth(nesting);
                readHead();
                skip(nesting + 1);
                return;
            default:
                if (major == 7 && ai == 31) {
                    throw CborException.malformed(at, "unexpected break");
                }
                readHead();
        }
    }

    private boolean isBreakOrEnd() {
        if (pos >= end) {
            throw CborException.truncated(pos, "indefinite-length item has no break");
        }
        return buf[pos] == (byte) 0xff;
    }

    /**
     * Consumes a string head of {@code major}; for a definite string also its content, returning
     * where the content starts. Returns -1 for an indefinite string (pos is then after its head).
     */
    private int stringStart(int major, String expected) {
        int at = pos;
        int ib = expect(major, expected);
        if ((ib & 0x1f) == 31) {
            return -1;
        }
        checkLength(at, arg);
        int start = pos;
        pos += (int) arg;
        return start;
    }

    private void checkLength(int at, long len) {
        if (len < 0 || len > limits.maxStringLength()) {
            throw CborException.oversized(at, "string length", len, limits.maxStringLength());
        }
        if (len > end - pos) {
            throw CborException.truncated(at, "string claims " + len + " bytes but " + (end - pos) + " remain");
        }
    }

    /** Reads the chunks of an indefinite string whose head (at {@code at}) is consumed; joins them. */
    private byte[] joinChunks(int at, int major) {
        int first = pos;
        long total = skipChunks(major);
        if (total > limits.maxStringLength()) {
            throw CborException.oversized(at, "string length", total, limits.maxStringLength());
        }
        byte[] out = new byte[(int) total];
        int p = first;
        int o = 0;
        while (buf[p] != (byte) 0xff) {
            int ib = buf[p] & 0xff;
            p = parseHead(p, ib);
            System.arraycopy(buf, p, out, o, (int) arg);
            o += (int) arg;
            p += (int) arg;
        }
        return out;
    }

    /** Skips the chunks and the break of an indefinite string; returns the total content length. */
    private long skipChunks(int major) {
        long total = 0;
        while (!isBreakOrEnd()) {
            int ib = buf[pos] & 0xff;
            if (ib >>> 5 != major || (ib & 0x1f) == 31) {
                throw CborException.malformed(pos, "chunk of an indefinite string must be a definite string of the same type");
            }
            int start = stringStart(major, "string chunk");
            total += pos - start;
        }
        pos++;
        return total;
    }

    private int containerHeader(int major, int per, String expected) {
        int at = pos;
        int ib = expect(major, expected);
        if ((ib & 0x1f) == 31) {
            return -1;
        }
        if (arg < 0 || arg > limits.maxContainerItems()) {
            pos = at;
            throw CborException.oversized(at, expected + " size", arg, limits.maxContainerItems());
        }
        int remaining = end - pos;
        if (arg * per > remaining) {
            pos = at;
            throw CborException.truncated(at, expected + " claims " + arg + " items but " + remaining + " bytes remain");
        }
        return (int) arg;
    }

    /** Consumes the head of an item of {@code major}, or fails without consuming. */
    private int expect(int major, String expected) {
        int ib = peekByte(expected);
        if (ib >>> 5 != major) {
            throw CborException.wrongType(pos, expected, typeOf(ib));
        }
        return readHead();
    }

    private int peekByte(String what) {
        if (pos >= end) {
            throw CborException.truncated(pos, "expected " + what + ", input ended");
        }
        return buf[pos] & 0xff;
    }

    /** Consumes one head, counting it against the item limit; sets {@link #arg}. */
    private int readHead() {
        int ib = peekByte("a data item");
        if (items >= limits.maxTotalItems()) {
            throw CborException.oversized(pos, "item count", items + 1L, limits.maxTotalItems());
        }
        pos = parseHead(pos, ib);
        items++;
        return ib;
    }

    /** Parses the head at {@code at} into {@link #arg}; returns the offset after it. */
    private int parseHead(int at, int ib) {
        int ai = ib & 0x1f;
        int major = ib >>> 5;
        if (ai < 24) {
            arg = ai;
            return at + 1;
        }
        if (ai <= 27) {
            int n = 1 << (ai - 24);
            if (end - at - 1 < n) {
                throw CborException.truncated(at, "head needs " + n + " more bytes");
            }
            long v = 0;
            for (int i = 1; i <= n; i++) {
                v = (v << 8) | (buf[at + i] & 0xff);
            }
            if (major == 7 && ai == 24 && v < 32) {
                throw CborException.malformed(at, "two-byte simple value below 32");
            }
            arg = v;
            return at + 1 + n;
        }
        if (ai == 31 && major != 0 && major != 1 && major != 6) {
            arg = -1;
            return at + 1;
        }
        throw CborException.malformed(at, "additional information " + ai + " not allowed for major type " + major);
    }

    static CborType typeOf(int ib) {
        switch (ib >>> 5) {
            case 0:
                return CborType.UNSIGNED;
            case 1:
                return CborType.NEGATIVE;
            case 2:
                return CborType.BYTES;
            case 3:
                return CborType.TEXT;
            case 4:
                return CborType.ARRAY;
            case 5:
                return CborType.MAP;
            case 6:
                return CborType.TAG;
            default:
                int ai = ib & 0x1f;
                if (ai == 31) {
                    return CborType.BREAK;
                }
                return ai >= 25 && ai <= 27 ? CborType.FLOAT : CborType.SIMPLE;
        }
    }
}
