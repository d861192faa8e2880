package io.fieldlink.boards;

/**
 * Parses decimal numbers from board files into fixed-point longs without floating point:
 * {@code "12.5"} with 3 places is 12500. Portable and allocation-free on the happy path.
 */
final class Decimal {
    private Decimal() {
    }

    /**
     * @param text a decimal such as {@code -1.25}
     * @param places digits after the point to keep (more digits are refused, not rounded)
     * @return the value times 10^places
     * @throws NumberFormatException naming the problem
     */
    static long parse(String text, int places) {
        int i = 0;
        int n = text.length();
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long value = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.' && fraction < 0) {
                fraction = 0;
                continue;
            }
            if (c == '_') {
                continue;
            }
            if (c < '0' || c > '9') {
                throw new NumberFormatException("expected a decimal number, got '" + text + "'");
            }
            if (fraction >= 0) {
                if (fraction == places) {
                    throw new NumberFormatException("at most " + places + " decimal places, got '" + text + "'");
                }
                fraction++;
            }
            if (value > (Long.MAX_VALUE - 9) / 10) {
                throw new NumberFormatException("number too large: '" + text + "'");
            }
            value = value * 10 + (c - '0');
            digits++;
        }
        if (digits == 0) {
            throw new NumberFormatException("expected a decimal number, got '" + text + "'");
        }
        for (int f = fraction < 0 ? 0 : fraction; f < places; f++) {
            if (value > Long.MAX_VALUE / 10) {
                throw new NumberFormatException("number too large: '" + text + "'");
            }
            value *= 10;
        }
        return negative ? -value : value;
    }

    /**
     * @param text a duration: an integer with unit {@code ms}, {@code s}, {@code min}, {@code h} or {@code d}
     * @return milliseconds
     * @throws NumberFormatException naming the problem
     */
    static long parseDuration(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        String unit = text.substring(end).trim();
        long unitMillis;
        if (unit.equals("ms")) {
            unitMillis = 1;
        } else if (unit.equals("s")) {
            unitMillis = 1000;
        } else if (unit.equals("min")) {
            unitMillis = 60000;
        } else if (unit.equals("h")) {
            unitMillis = 3600000;
        } else if (unit.equals("d")) {
            unitMillis = 86400000;
        } else {
            throw new NumberFormatException("expected a duration like 500ms, 10s, 15min, 1h or 1d, got '" + text + "'");
        }
        if (end == 0 || end > 9) {
            throw new NumberFormatException("expected a duration like 500ms, 10s, 15min, 1h or 1d, got '" + text + "'");
        }
        return Long.parseLong(text.substring(0, end)) * unitMillis;
    }
}
