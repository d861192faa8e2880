package io.fieldlink.protocol.json;

/**
 * Pulls JSON tokens from a string, strictly per RFC 8259: no comments, trailing commas or leading
 * zeros; backslash-u escapes are checked for form only (a lone surrogate passes). Nesting is limited (default
 * 32) so hostile input cannot exhaust the stack. Errors are {@link JsonException}s naming the
 * offset. Not thread-safe.
 */
public final class JsonReader {
    private static final int DEFAULT_MAX_DEPTH = 32;

    private final String in;
    private final int maxDepth;
    private int pos;
    /** Per open container: 'a' array or 'o' object, and whether it has had an element. */
    private final char[] stack;
    private final boolean[] hasElement;
    private int depth;
    private boolean expectValueAfterName;
    private boolean done;

    public JsonReader(String in) {
        this(in, DEFAULT_MAX_DEPTH);
    }

    public JsonReader(String in, int maxDepth) {
        this.in = in;
        this.maxDepth = maxDepth;
        this.stack = new char[maxDepth];
        this.hasElement = new boolean[maxDepth];
    }

    /** Offset of the next unread character. */
    public int position() {
        return pos;
    }

    /** The next token, without consuming it. */
    public JsonToken peek() {
        skipSeparator();
        if (pos >= in.length()) {
            if (depth > 0 || !done) {
                throw JsonException.at(pos, "input ended early");
            }
            return JsonToken.END_DOCUMENT;
        }
        char c = in.charAt(pos);
        if (depth > 0 && stack[depth - 1] == 'o' && !expectValueAfterName) {
            if (c == '}') {
                return JsonToken.END_OBJECT;
            }
            if (c == '"') {
                return JsonToken.NAME;
            }
            throw JsonException.at(pos, "expected a name or '}'");
        }
        if (done && depth == 0) {
            throw JsonException.at(pos, "unexpected text after the value");
        }
        switch (c) {
            case '[':
                return JsonToken.BEGIN_ARRAY;
            case ']':
                if (depth > 0 && stack[depth - 1] == 'a' && !expectValueAfterName) {
                    return JsonToken.END_ARRAY;
                }
                throw JsonException.at(pos, "unexpected ']'");
            case '{':
                return JsonToken.BEGIN_OBJECT;
            case '"':
                return JsonToken.STRING;
            case 't':
            case 'f':
                return JsonToken.BOOLEAN;
            case 'n':
                return JsonToken.NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return JsonToken.NUMBER;
                }
                throw JsonException.at(pos, "unexpected character '" + c + "'");
        }
    }

    public void beginArray() {
        open(JsonToken.BEGIN_ARRAY, 'a');
    }

    public void endArray() {
        close(JsonToken.END_ARRAY);
    }

    public void beginObject() {
        open(JsonToken.BEGIN_OBJECT, 'o');
    }

    public void endObject() {
        close(JsonToken.END_OBJECT);
    }

    /** True if the current array or object has another element. */
    public boolean hasNext() {
        JsonToken t = peek();
        return t != JsonToken.END_ARRAY && t != JsonToken.END_OBJECT && t != JsonToken.END_DOCUMENT;
    }

    /** The next member name of an object; its value follows. */
    public String nextName() {
        expect(JsonToken.NAME);
        String name = readString();
        skipWhitespace();
        if (pos >= in.length() || in.charAt(pos) != ':') {
            throw JsonException.at(pos, "expected ':' after name");
        }
        pos++;
        expectValueAfterName = true;
        return name;
    }

    public String nextString() {
        expect(JsonToken.STRING);
        String s = readString();
        valueDone();
        return s;
    }

    public double nextDouble() {
        expect(JsonToken.NUMBER);
        int start = pos;
        scanNumber();
        double d;
        try {
            d = Double.parseDouble(in.substring(start, pos));
        } catch (NumberFormatException e) {
            throw JsonException.at(start, "bad number");
        }
        if (Double.isInfinite(d)) {
            throw JsonException.at(start, "number out of range");
        }
        valueDone();
        return d;
    }

    public boolean nextBoolean() {
        expect(JsonToken.BOOLEAN);
        boolean value = in.charAt(pos) == 't';
        literal(value ? "true" : "false");
        valueDone();
        return value;
    }

    public void nextNull() {
        expect(JsonToken.NULL);
        literal("null");
        valueDone();
    }

    /** Skips the next value, nested values included. */
    public void skipValue() {
        JsonToken t = peek();
        switch (t) {
            case BEGIN_ARRAY:
                beginArray();
                while (hasNext()) {
                    skipValue();
                }
                endArray();
                return;
            case BEGIN_OBJECT:
                beginObject();
                while (hasNext()) {
                    nextName();
                    skipValue();
                }
                endObject();
                return;
            case STRING:
                nextString();
                return;
            case NUMBER:
                nextDouble();
                return;
            case BOOLEAN:
                nextBoolean();
                return;
            case NULL:
                nextNull();
                return;
            default:
                throw JsonException.at(pos, "expected a value, found " + t.description());
        }
    }

    private void open(JsonToken token, char kind) {
        expect(token);
        if (depth >= maxDepth) {
            throw JsonException.at(pos, "nesting deeper than " + maxDepth);
        }
        pos++;
        stack[depth] = kind;
        hasElement[depth] = false;
        depth++;
        expectValueAfterName = false;
    }

    private void close(JsonToken token) {
        expect(token);
        pos++;
        depth--;
        valueDone();
    }

    private void valueDone() {
        expectValueAfterName = false;
        if (depth == 0) {
            done = true;
        } else {
            hasElement[depth - 1] = true;
        }
    }

    private void expect(JsonToken token) {
        JsonToken t = peek();
        if (t != token) {
            throw JsonException.at(pos, "expected " + token.description() + ", found " + t.description());
        }
    }

    /** Skips whitespace and the comma between elements, checking commas are where they belong. */
    private void skipSeparator() {
        skipWhitespace();
        if (depth == 0 || expectValueAfterName || !hasElement[depth - 1] || pos >= in.length()) {
            return;
        }
        char c = in.charAt(pos);
        if (c == ']' || c == '}') {
            return;
        }
        if (c != ',') {
            throw JsonException.at(pos, "expected ',' or the end of the " + (stack[depth - 1] == 'a' ? "array" : "object"));
        }
        pos++;
        hasElement[depth - 1] = false;
        skipWhitespace();
        if (pos < in.length() && (in.charAt(pos) == ']' || in.charAt(pos) == '}')) {
            throw JsonException.at(pos, "trailing comma");
        }
    }

    private void skipWhitespace() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private void literal(String word) {
        if (!in.startsWith(word, pos)) {
            throw JsonException.at(pos, "expected " + word);
        }
        pos += word.length();
    }

    private void scanNumber() {
        int start = pos;
        if (pos < in.length() && in.charAt(pos) == '-') {
            pos++;
        }
        if (pos < in.length() && in.charAt(pos) == '0') {
            pos++;
        } else if (digits() == 0) {
            throw JsonException.at(start, "bad number");
        }
        if (pos < in.length() && in.charAt(pos) == '.') {
            pos++;
            if (digits() == 0) {
                throw JsonException.at(start, "bad number: no digits after '.'");
            }
        }
        if (pos < in.length() && (in.charAt(pos) == 'e' || in.charAt(pos) == 'E')) {
            pos++;
            if (pos < in.length() && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw JsonException.at(start, "bad number: no exponent digits");
            }
        }
    }

    private int digits() {
        int n = 0;
        while (pos < in.length() && in.charAt(pos) >= '0' && in.charAt(pos) <= '9') {
            pos++;
            n++;
        }
        return n;
    }

    private String readString() {
        int start = pos;
        pos++;
        StringBuilder sb = null;
        int runStart = pos;
        while (true) {
            if (pos >= in.length()) {
                throw JsonException.at(start, "unterminated string");
            }
            char c = in.charAt(pos);
            if (c == '"') {
                String s = sb == null ? in.substring(runStart, pos) : sb.append(in, runStart, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw JsonException.at(pos, "control character in string");
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(in, runStart, pos);
                pos++;
                sb.append(escape());
                runStart = pos;
            } else {
                pos++;
            }
        }
    }

    private char escape() {
        if (pos >= in.length()) {
            throw JsonException.at(pos, "unterminated escape");
        }
        char c = in.charAt(pos++);
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (pos + 4 > in.length()) {
                    throw JsonException.at(pos - 2, "short \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(in.charAt(pos + i), 16);
                    if (d < 0) {
                        throw JsonException.at(pos + i, "bad hex digit in \\u escape");
                    }
                    v = (v << 4) | d;
                }
                pos += 4;
                return (char) v;
            default:
                throw JsonException.at(pos - 2, "bad escape \\" + c);
        }
    }
}
