package io.fieldlink.protocol.base45;

import io.fieldlink.protocol.ProtocolException;

/**
 * Base45 encoding (RFC 9285): every two bytes become three characters of the QR alphanumeric set
 * {@code 0-9 A-Z space $ % * + - . / :}, a trailing odd byte becomes two. Stateless and thread-safe.
 */
public final class Base45 {
    /** The 45 characters in value order (RFC 9285 §4). */
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private static final char[] CHARS = ALPHABET.toCharArray();
    private static final byte[] VALUES = new byte[128];

    static {
        for (int i = 0; i < VALUES.length; i++) {
            VALUES[i] = -1;
        }
        for (int i = 0; i < CHARS.length; i++) {
            VALUES[CHARS[i]] = (byte) i;
        }
    }

    private Base45() {
    }

    /** Encodes {@code bytes} (may be empty) to Base45 text. */
    public static String encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    /** Encodes {@code length} bytes of {@code bytes} from {@code offset} to Base45 text. */
    public static String encode(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(encodedLength(length));
        appendTo(out, bytes, offset, length);
        return out.toString();
    }

    /** Appends the Base45 text of {@code length} bytes of {@code bytes} from {@code offset} to {@code out}. */
    public static void appendTo(StringBuilder out, byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            int n = ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
            out.append(CHARS[n % 45]).append(CHARS[(n / 45) % 45]).append(CHARS[n / 2025]);
        }
        if (i < end) {
            int n = bytes[i] & 0xff;
            out.append(CHARS[n % 45]).append(CHARS[n / 45]);
        }
    }

    /** Returns the number of characters {@code byteCount} bytes encode to. */
    public static int encodedLength(int byteCount) {
        return byteCount / 2 * 3 + (byteCount % 2) * 2;
    }

    /** Decodes the whole of {@code text}. */
    public static byte[] decode(CharSequence text) {
        return decode(text, 0, text.length());
    }

    /**
     * Decodes {@code length} characters of {@code text} from {@code offset}. Offsets in error
     * messages count from the start of {@code text}.
     *
     * @throws ProtocolException "base45: invalid character" (with the character and its offset),
     *     "base45: dangling single character" (a group of one character at the end), or
     *     "base45: group value ... exceeds" (a group that decodes above 65535, or above 255 for a
     *     final group of two)
     */
    public static byte[] decode(CharSequence text, int offset, int length) {
        if (length % 3 == 1) {
            throw new ProtocolException("base45: dangling single character at offset " + (offset + length - 1)
                    + " (the length " + length + " leaves one character after the last full group)");
        }
        byte[] out = new byte[length / 3 * 2 + (length % 3 == 2 ? 1 : 0)];
        int o = 0;
        int end = offset + length;
        int i = offset;
        for (; i + 2 < end; i += 3) {
            int n = value(text, i) + 45 * value(text, i + 1) + 2025 * value(text, i + 2);
            if (n > 0xffff) {
                throw new ProtocolException("base45: group value " + n + " at offset " + i + " exceeds 65535");
            }
            out[o++] = (byte) (n >> 8);
            out[o++] = (byte) n;
        }
        if (i < end) {
            int n = value(text, i) + 45 * value(text, i + 1);
            if (n > 0xff) {
                throw new ProtocolException("base45: final group value " + n + " at offset " + i + " exceeds 255");
            }
            out[o] = (byte) n;
        }
        return out;
    }

    private static int value(CharSequence text, int offset) {
        char c = text.charAt(offset);
        int v = c < 128 ? VALUES[c] : -1;
        if (v < 0) {
            throw new ProtocolException("base45: invalid character " + describe(c) + " at offset " + offset);
        }
        return v;
    }

    private static String describe(char c) {
        if (c >= 0x21 && c < 0x7f) {
            return "'" + c + "'";
        }
        String hex = Integer.toHexString(c);
        return "U+" + "0000".substring(hex.length()) + hex;
    }
}
