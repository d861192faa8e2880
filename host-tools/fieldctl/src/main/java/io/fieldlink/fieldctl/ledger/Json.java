package io.fieldlink.fieldctl.ledger;

import io.fieldlink.protocol.json.JsonReader;
import io.fieldlink.protocol.json.JsonToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON text as plain values (maps, lists, strings, doubles, booleans, null), over the protocol's reader. */
final class Json {
    private Json() {
    }

    /** @throws RuntimeException (the reader's) when the text is not JSON */
    static Object parse(String text) {
        return value(new JsonReader(text));
    }

    private static Object value(JsonReader r) {
        JsonToken t = r.peek();
        switch (t) {
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
                return r.nextDouble();
            }
            case BOOLEAN -> {
                return r.nextBoolean();
            }
            default -> {
                r.nextNull();
                return null;
            }
        }
    }
}
