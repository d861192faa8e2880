package io.fieldlink.protocol.cbor;

/**
 * UTF-8 by hand (the device API has no charset classes). Encoding rejects unpaired surrogates;
 * decoding rejects overlong forms, surrogates, code points above U+10FFFF and cut sequences.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * The number of bytes {@code s} takes in UTF-8.
     *
     * @throws CborException if {@code s} holds an unpaired surrogate
     */
    public static int encodedLength(String s) {
        int n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= len || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new CborException("text has an unpaired surrogate at index " + i);
                }
                i++;
                n += 4;
            } else if (Character.isLowSurrogate(c)) {
                throw new CborException("text has an unpaired surrogate at index " + i);
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * Writes {@code s} as UTF-8 into {@code out} from {@code pos}; the caller has checked the room
     * with {@link #encodedLength(String)}.
     *
     * @return the position after the last byte written
     */
    public static int encode(String s, byte[] out, int pos) {
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[pos++] = (byte) c;
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xc0 | (c >> 6));
                out[pos++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[pos++] = (byte) (0xf0 | (cp >> 18));
                out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                out[pos++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                out[pos++] = (byte) (0xe0 | (c >> 12));
                out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[pos++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return pos;
    }

    /**
     * Decodes {@code len} bytes of UTF-8 from {@code in} at {@code off}.
     *
     * @throws CborException naming the offset of the first invalid byte
     */
    public static String decode(byte[] in, int off, int len) {
        return decode(in, off, len, new char[len]);
    }

    /** As {@link #decode(byte[], int, int)}, building the text in {@code chars} (at least {@code len} long; a reader's scratch). */
    static String decode(byte[] in, int off, int len, char[] chars) {
        int n = 0;
        int end = off + len;
        int i = off;
        while (i < end) {
            int b = in[i] & 0xff;
            if (b < 0x80) {
                chars[n++] = (char) b;
                i++;
                continue;
            }
            int need;
            int cp;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                cp = b & 0x1f;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                cp = b & 0x0f;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                cp = b & 0x07;
                min = 0x10000;
            } else {
                throw CborException.malformed(i, "invalid UTF-8 lead byte 0x" + Integer.toHexString(b));
            }
            if (i + need >= end) {
                throw CborException.malformed(i, "UTF-8 sequence cut short");
            }
            for (int k = 1; k <= need; k++) {
                int c = in[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    throw CborException.malformed(i + k, "invalid UTF-8 continuation byte");
                }
                cp = (cp << 6) | (c & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                throw CborException.malformed(i, "invalid UTF-8 code point");
            }
            if (cp >= 0x10000) {
                chars[n++] = Character.highSurrogate(cp);
                chars[n++] = Character.lowSurrogate(cp);
            } else {
                chars[n++] = (char) cp;
            }
            i += need + 1;
        }
        return new String(chars, 0, n);
    }
}
