package io.fieldlink.host.billing;

import io.fieldlink.host.json.JsonReader;
import java.math.BigDecimal;
import java.util.Map;

/** A stored JSON record read back: typed getters over the parsed object. */
public final class Doc {
    private final Map<String, Object> fields;

    private Doc(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** @return the record in {@code json} */
    public static Doc parse(String json) {
        return new Doc(JsonReader.parseObject(json));
    }

    /** @return a number field, or {@code def} when absent or null */
    public long num(String name, long def) {
        Object v = fields.get(name);
        return v instanceof BigDecimal d ? d.longValueExact() : def;
    }

    /** @return a text field, or {@code def} when absent or not text */
    public String text(String name, String def) {
        Object v = fields.get(name);
        return v instanceof String s ? s : def;
    }

    /** @return a boolean field, or {@code def} */
    public boolean bool(String name, boolean def) {
        Object v = fields.get(name);
        return v instanceof Boolean b ? b : def;
    }

    /** @return the raw parsed fields */
    public Map<String, Object> fields() {
        return fields;
    }
}
