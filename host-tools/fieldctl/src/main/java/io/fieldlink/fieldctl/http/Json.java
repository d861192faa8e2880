package io.fieldlink.fieldctl.http;

import io.fieldlink.protocol.json.JsonException;
import io.fieldlink.protocol.json.JsonReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text as a tree of {@code Map<String, Object>}, {@code List<Object>}, {@code String},
 * {@code BigDecimal}, {@code Boolean} and {@code null}, read with the protocol module's reader.
 */
public final class Json {
    private Json() {
    }

    /**
     * @throws IllegalArgumentException saying where the text is not JSON
     */
    public static Object parse(String text) {
        try {
            JsonReader r = new JsonReader(text);
            Object v = value(r);
            r.peek();
            return v;
        } catch (JsonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException unless the text is a JSON object */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return (Map<String, Object>) v;
    }

    private static Object value(JsonReader r) {
        switch (r.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                r.beginObject();
                while (r.hasNext()) {
                    String name = r.nextName();
                    m.put(name, value(r));
                }
                r.endObject();
                return m;
            }
            case BEGIN_ARRAY -> {
                List<Object> l = new ArrayList<>();
                r.beginArray();
                while (r.hasNext()) {
                    l.add(value(r));
                }
                r.endArray();
                return l;
            }
            case STRING -> {
                return r.nextString();
            }
            case NUMBER -> {
                return new BigDecimal(Double.toString(r.nextDouble()));
            }
            case BOOLEAN -> {
                return r.nextBoolean();
            }
            case NULL -> {
                r.nextNull();
                return null;
            }
            default -> throw new IllegalArgumentException("unexpected " + r.peek().description());
        }
    }

    /** @return the member as text; an {@link IllegalArgumentException} naming it otherwise */
    public static String text(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("field \"" + name + "\" is missing or not a string");
        }
        return s;
    }

    /** @return the member as a non-negative whole number; an {@link IllegalArgumentException} naming it otherwise */
    public static long number(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (!(v instanceof BigDecimal d)) {
            throw new IllegalArgumentException("field \"" + name + "\" is missing or not a number");
        }
        try {
            long n = d.longValueExact();
            if (n < 0) {
                throw new IllegalArgumentException("field \"" + name + "\" is negative");
            }
            return n;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("field \"" + name + "\" is not a whole number: " + d);
        }
    }
}
