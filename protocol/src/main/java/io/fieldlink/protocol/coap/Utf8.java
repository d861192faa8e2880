package io.fieldlink.protocol.coap;

/** UTF-8 by hand (the portable API has no charset classes), without intermediate arrays. */
final class Utf8 {
    private Utf8() {
    }

    static int length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Writes {@code s} at {@code at}; the caller reserved {@link #length(String)} bytes. Lone surrogates become U+FFFD. */
    static void encode(String s, byte[] out, int at) {
        int p = at;
        for (int i = 0; i < s.length(); i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate((char) c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint((char) c, s.charAt(++i));
                out[p++] = (byte) (0xF0 | cp >> 18);
                out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                if (Character.isSurrogate((char) c)) {
                    c = 0xFFFD;
                }
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    static String decode(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        int i = off;
        int end = off + len;
        while (i < end) {
            int c = b[i] & 0xFF;
            int need;
            int cp;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                cp = c & 0x1F;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                cp = c & 0x0F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                cp = c & 0x07;
            } else {
                sb.append('\uFFFD');
                i++;
                continue;
            }
            int j = i + 1;
            while (j < end && j <= i + need && (b[j] & 0xC0) == 0x80) {
                cp = cp << 6 | (b[j] & 0x3F);
                j++;
            }
            int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
            if (j - i - 1 != need || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                sb.append('\uFFFD');
                i = j > i + 1 ? j : i + 1;
                continue;
            }
            sb.appendCodePoint(cp);
            i = j;
        }
        return sb.toString();
    }
}
