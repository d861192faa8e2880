package io.fieldlink.protocol.senml;

/** Base64url (RFC 4648 §5) without padding, as SenML JSON carries data values. */
public final class Base64Url {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private Base64Url() {
    }

    public static void encode(byte[] data, StringBuilder out) {
        int i = 0;
        for (; i + 3 <= data.length; i += 3) {
            int v = ((data[i] & 0xff) << 16) | ((data[i + 1] & 0xff) << 8) | (data[i + 2] & 0xff);
            out.append(ALPHABET[v >>> 18]).append(ALPHABET[(v >>> 12) & 63])
                    .append(ALPHABET[(v >>> 6) & 63]).append(ALPHABET[v & 63]);
        }
        int rest = data.length - i;
        if (rest == 1) {
            int v = data[i] & 0xff;
            out.append(ALPHABET[v >>> 2]).append(ALPHABET[(v << 4) & 63]);
        } else if (rest == 2) {
            int v = ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
            out.append(ALPHABET[v >>> 10]).append(ALPHABET[(v >>> 4) & 63]).append(ALPHABET[(v << 2) & 63]);
        }
    }

    public static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 4 + 2) / 3);
        encode(data, sb);
        return sb.toString();
    }

    /**
     * Decodes base64url; padding ('=') at the end is accepted but not required.
     *
     * @throws IllegalArgumentException naming the index of a character outside the alphabet or an
     *     impossible length
     */
    public static byte[] decode(String text) {
        int len = text.length();
        while (len > 0 && text.charAt(len - 1) == '=' && text.length() - len < 2) {
            len--;
        }
        if (len % 4 == 1) {
            throw new IllegalArgumentException("base64url length " + len + " is impossible");
        }
        byte[] out = new byte[len * 3 / 4];
        int o = 0;
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < len; i++) {
            int v = value(text.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("invalid base64url character at index " + i);
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (acc >>> bits);
            }
        }
        return out;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        return c == '_' ? 63 : -1;
    }
}
