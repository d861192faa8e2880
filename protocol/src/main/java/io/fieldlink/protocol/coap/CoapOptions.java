package io.fieldlink.protocol.coap;

/**
 * The options of one CoAP message, kept sorted by option number (options with the same number keep
 * their insertion order, as RFC 7252 §5.4.5 requires for repeatable options). Values live in one
 * growing backing array, so a warm instance adds, clears and reads options without allocating.
 * Unknown options are kept as raw bytes.
 *
 * <p>{@link CoapMessage} adds typed accessors on top of the raw ones here. Not thread-safe.
 */
public class CoapOptions {
    private int count;
    private int[] numbers = new int[8];
    private int[] offsets = new int[8];
    private int[] lengths = new int[8];
    private byte[] data = new byte[64];
    private int dataSize;

    /** Removes every option; keeps the buffers. */
    public void clear() {
        count = 0;
        dataSize = 0;
    }

    /** The number of options (repeated options count once per occurrence). */
    public int count() {
        return count;
    }

    /** The option number of the {@code i}-th option in wire order. */
    public int number(int i) {
        checkIndex(i);
        return numbers[i];
    }

    /** The value length of the {@code i}-th option. */
    public int length(int i) {
        checkIndex(i);
        return lengths[i];
    }

    /** The offset of the {@code i}-th option's value in {@link #data()}. */
    public int offset(int i) {
        checkIndex(i);
        return offsets[i];
    }

    /** The backing array holding every value; valid until the next change. Do not modify. */
    public byte[] data() {
        return data;
    }

    /** A copy of the {@code i}-th option's value. */
    public byte[] value(int i) {
        checkIndex(i);
        byte[] v = new byte[lengths[i]];
        System.arraycopy(data, offsets[i], v, 0, lengths[i]);
        return v;
    }

    /** The index of the first option with this number, or -1. */
    public int indexOf(int number) {
        for (int i = 0; i < count; i++) {
            if (numbers[i] == number) {
                return i;
            }
            if (numbers[i] > number) {
                return -1;
            }
        }
        return -1;
    }

    /** How many times the option occurs. */
    public int occurrences(int number) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (numbers[i] == number) {
                n++;
            }
        }
        return n;
    }

    /** True when the option occurs at least once. */
    public boolean has(int number) {
        return indexOf(number) >= 0;
    }

    /**
     * Adds an option after any existing options with the same number.
     *
     * @throws IllegalArgumentException if the number is not 0..65535 or the range is out of bounds
     */
    public CoapOptions add(int number, byte[] value, int off, int len) {
        if (off < 0 || len < 0 || off > value.length - len) {
            throw new IllegalArgumentException("option value range " + off + "+" + len + " outside " + value.length);
        }
        int at = reserve(number, len);
        System.arraycopy(value, off, data, at, len);
        return this;
    }

    /** Adds an option with the whole array as its value. */
    public CoapOptions add(int number, byte[] value) {
        return add(number, value, 0, value.length);
    }

    /** Adds an unsigned-integer option in its shortest form (RFC 7252 §3.2: 0 is the empty value). */
    public CoapOptions addUint(int number, long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("option " + number + " uint must be 0..2^32-1, got " + value);
        }
        int len = value == 0 ? 0 : value < 0x100 ? 1 : value < 0x10000 ? 2 : value < 0x1000000 ? 3 : 4;
        int at = reserve(number, len);
        for (int k = len - 1; k >= 0; k--) {
            data[at + k] = (byte) value;
            value >>>= 8;
        }
        return this;
    }

    /** Adds a string option encoded as UTF-8 by hand (no intermediate array). */
    public CoapOptions addString(int number, String value) {
        int len = Utf8.length(value);
        int at = reserve(number, len);
        Utf8.encode(value, data, at);
        return this;
    }

    /** Replaces every occurrence of the option with one unsigned-integer value. */
    public CoapOptions setUint(int number, long value) {
        remove(number);
        return addUint(number, value);
    }

    /** Removes every occurrence of the option and frees its value bytes, so set-after-set does not grow the buffer. */
    public CoapOptions remove(int number) {
        int i = indexOf(number);
        while (i >= 0) {
            int off = offsets[i];
            int len = lengths[i];
            System.arraycopy(data, off + len, data, off, dataSize - off - len);
            dataSize -= len;
            count--;
            for (int k = i; k < count; k++) {
                numbers[k] = numbers[k + 1];
                offsets[k] = offsets[k + 1];
                lengths[k] = lengths[k + 1];
            }
            for (int k = 0; k < count; k++) {
                if (offsets[k] > off) {
                    offsets[k] -= len;
                }
            }
            i = indexOf(number);
        }
        return this;
    }

    /** Replaces this set with a copy of {@code other}. */
    public void copyFrom(CoapOptions other) {
        clear();
        for (int i = 0; i < other.count; i++) {
            add(other.numbers[i], other.data, other.offsets[i], other.lengths[i]);
        }
    }

    /**
     * The value of the {@code i}-th option read as an unsigned integer.
     *
     * @throws CoapFormatException ({@code BAD_OPTION_VALUE}) if it is longer than 4 bytes
     */
    public long uint(int i) {
        checkIndex(i);
        int len = lengths[i];
        if (len > 4) {
            throw new CoapFormatException(CoapFormatException.Reason.BAD_OPTION_VALUE, -1,
                    "option " + numbers[i] + " is a uint of at most 4 bytes, got " + len);
        }
        long v = 0;
        for (int k = 0; k < len; k++) {
            v = v << 8 | (data[offsets[i] + k] & 0xFF);
        }
        return v;
    }

    /** The value of the {@code i}-th option decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String string(int i) {
        checkIndex(i);
        return Utf8.decode(data, offsets[i], lengths[i]);
    }

    /** True when the {@code i}-th option's value equals {@code value[off..off+len)}. */
    public boolean valueEquals(int i, byte[] value, int off, int len) {
        checkIndex(i);
        if (lengths[i] != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (data[offsets[i] + k] != value[off + k]) {
                return false;
            }
        }
        return true;
    }

    private int reserve(int number, int len) {
        if (number < 0 || number > CoapOption.MAX_NUMBER) {
            throw new IllegalArgumentException("option number must be 0..65535, got " + number);
        }
        if (count == numbers.length) {
            numbers = grow(numbers);
            offsets = grow(offsets);
            lengths = grow(lengths);
        }
        if (dataSize + len > data.length) {
            byte[] bigger = new byte[Math.max(data.length * 2, dataSize + len)];
            System.arraycopy(data, 0, bigger, 0, dataSize);
            data = bigger;
        }
        int pos = count;
        while (pos > 0 && numbers[pos - 1] > number) {
            numbers[pos] = numbers[pos - 1];
            offsets[pos] = offsets[pos - 1];
            lengths[pos] = lengths[pos - 1];
            pos--;
        }
        numbers[pos] = number;
        offsets[pos] = dataSize;
        lengths[pos] = len;
        count++;
        int at = dataSize;
        dataSize += len;
        return at;
    }

    private static int[] grow(int[] a) {
        int[] b = new int[a.length * 2];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("option index " + i + " of " + count);
        }
    }
}
