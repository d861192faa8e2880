package io.fieldlink.protocol.cbor;

/** Pieces of RFC 8949 §8 diagnostic notation. */
final class Diagnostic {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Diagnostic() {
    }

    /** {@code bits} read as an unsigned 64-bit number, in decimal. */
    static String unsigned(long bits) {
        if (bits >= 0) {
            return Long.toString(bits);
        }
        long quotient = (bits >>> 1) / 5;
        long rem = bits - quotient * 10;
        return Long.toString(quotient) + rem;
    }

    /** The value -1 - bits, with bits read as unsigned 64-bit, in decimal. */
    static String negative(long bits) {
        if (bits >= 0) {
            return Long.toString(-1 - bits);
        }
        if (bits == -1L) {
            return "-18446744073709551616";
        }
        return "-" + unsigned(bits + 1);
    }

    static String floating(double v) {
        if (v != v) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String exp = s.substring(e + 1);
        return s.substring(0, e) + "e" + (exp.charAt(0) == '-' ? exp : "+" + exp);
    }

    static void hex(StringBuilder sb, byte[] bytes) {
        sb.append("h'");
        for (int i = 0; i < bytes.length; i++) {
            sb.append(HEX[(bytes[i] >> 4) & 0xf]).append(HEX[bytes[i] & 0xf]);
        }
        sb.append('\'');
    }

    static void text(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        sb.append('"');
    }
}
