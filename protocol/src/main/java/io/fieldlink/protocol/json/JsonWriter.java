package io.fieldlink.protocol.json;

/**
 * Writes compact JSON into a {@link StringBuilder}, placing commas and colons itself. Numbers that
 * hold an integer are written without a fraction; NaN and infinities are refused (JSON has none).
 * Reusable with {@link #reset(StringBuilder)}. Not thread-safe; does not check that the calls
 * nest correctly beyond what it needs for separators.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_DEPTH = 32;

    private StringBuilder out;
    private final boolean[] needComma = new boolean[MAX_DEPTH + 1];
    private int depth;
    private boolean afterName;

    public JsonWriter(StringBuilder out) {
        this.out = out;
    }

    /** Starts over, writing into {@code target}. */
    public JsonWriter reset(StringBuilder target) {
        this.out = target;
        depth = 0;
        needComma[0] = false;
        afterName = false;
        return this;
    }

    public JsonWriter beginArray() {
        return open('[');
    }

    public JsonWriter endArray() {
        return close(']');
    }

    public JsonWriter beginObject() {
        return open('{');
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        separate();
        quote(s);
        return done();
    }

    public JsonWriter value(long n) {
        separate();
        out.append(n);
        return done();
    }

    /** @throws JsonException for NaN or an infinity */
    public JsonWriter value(double d) {
        if (d != d || Double.isInfinite(d)) {
            throw new JsonException("JSON has no number for " + d);
        }
        separate();
        if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
            out.append((long) d);
        } else {
            out.append(d);
        }
        return done();
    }

    public JsonWriter value(boolean b) {
        separate();
        out.append(b);
        return done();
    }

    public JsonWriter nullValue() {
        separate();
        out.append("null");
        return done();
    }

    private JsonWriter open(char c) {
        if (depth >= MAX_DEPTH) {
            throw new JsonException("JSON nesting deeper than " + MAX_DEPTH);
        }
        separate();
        out.append(c);
        depth++;
        needComma[depth] = false;
        return this;
    }

    private JsonWriter close(char c) {
        out.append(c);
        depth--;
        return done();
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (needComma[depth]) {
            out.append(',');
        }
    }

    private JsonWriter done() {
        needComma[depth] = true;
        return this;
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
