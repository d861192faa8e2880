package io.fieldlink.host.json;

/**
 * Appends JSON to a {@link StringBuilder}. The caller writes a well-formed sequence
 * ({@link #beginObject()}, {@link #name(String)}, a value, ..., {@link #endObject()}); commas are
 * inserted automatically. Not thread-safe.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private boolean needComma;

    /** Opens an object. */
    public JsonWriter beginObject() {
        comma();
        out.append('{');
        needComma = false;
        return this;
    }

    /** Closes an object. */
    public JsonWriter endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    /** Opens an array. */
    public JsonWriter beginArray() {
        comma();
        out.append('[');
        needComma = false;
        return this;
    }

    /** Closes an array. */
    public JsonWriter endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    /** Writes a member name; the next call writes its value. */
    public JsonWriter name(String name) {
        comma();
        quote(name);
        out.append(':');
        needComma = false;
        return this;
    }

    /** Writes a string, or {@code null} when {@code v} is null. */
    public JsonWriter value(String v) {
        comma();
        if (v == null) {
            out.append("null");
        } else {
            quote(v);
        }
        needComma = true;
        return this;
    }

    /** Writes an integer. */
    public JsonWriter value(long v) {
        comma();
        out.append(v);
        needComma = true;
        return this;
    }

    /** Writes a number; NaN and infinities become {@code null}. */
    public JsonWriter value(double v) {
        comma();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            out.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(v);
        }
        needComma = true;
        return this;
    }

    /** Writes a boolean. */
    public JsonWriter value(boolean v) {
        comma();
        out.append(v);
        needComma = true;
        return this;
    }

    /** Writes a value that is already JSON text (a whole object, array or scalar written elsewhere). */
    public JsonWriter raw(String json) {
        comma();
        out.append(json);
        needComma = true;
        return this;
    }

    /** Writes a name and a string value. */
    public JsonWriter field(String name, String v) {
        return name(name).value(v);
    }

    /** Writes a name and an integer value. */
    public JsonWriter field(String name, long v) {
        return name(name).value(v);
    }

    /** Writes a name and a boolean value. */
    public JsonWriter field(String name, boolean v) {
        return name(name).value(v);
    }

    private void comma() {
        if (needComma) {
            out.append(',');
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
