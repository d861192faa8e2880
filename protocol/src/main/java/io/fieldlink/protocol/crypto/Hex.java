package io.fieldlink.protocol.crypto;

import io.fieldlink.protocol.ProtocolException;

/** Lower-case hexadecimal text for keys, key ids and test vectors. Stateless. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Returns two lower-case hex digits per byte; the empty string for an empty array. */
    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0x0f];
            out[2 * i + 1] = DIGITS[bytes[i] & 0x0f];
        }
        return new String(out);
    }

    /**
     * Decodes hex digits (either case, no separators).
     *
     * @throws ProtocolException naming the offset of an odd length or of a character that is not a hex digit
     */
    public static byte[] decode(CharSequence text) {
        int n = text.length();
        if ((n & 1) != 0) {
            throw new ProtocolException("hex: odd length " + n);
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < n; i += 2) {
            out[i / 2] = (byte) ((digit(text, i) << 4) | digit(text, i + 1));
        }
        return out;
    }

    private static int digit(CharSequence text, int offset) {
        char c = text.charAt(offset);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new ProtocolException("hex: '" + c + "' at offset " + offset + " is not a hex digit");
    }
}
