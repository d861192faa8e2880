package io.fieldlink.host.alert;

import io.fieldlink.host.json.JsonReader;
import io.fieldlink.host.json.JsonWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON form of alerts, webhooks and settings: used by the API, the webhook body and the
 * store. Stateless.
 */
public final class AlertJson {
    private AlertJson() {
    }

    /** Writes {@code a} as an object into {@code w}. */
    public static JsonWriter write(JsonWriter w, Alert a) {
        w.beginObject().field("id", a.id()).field("key", a.key()).field("kind", a.kind().wireName())
                .field("device", a.device()).field("message", a.message()).field("state", a.state().wireName())
                .field("raisedAt", a.raisedAt()).field("updatedAt", a.updatedAt())
                .field("acknowledgedBy", a.acknowledgedBy()).name("evidence").beginObject();
        for (Map.Entry<String, String> e : a.evidence().entrySet()) {
            w.field(e.getKey(), e.getValue());
        }
        return w.endObject().endObject();
    }

    /** @return the alert as JSON text */
    public static String toJson(Alert a) {
        return write(new JsonWriter(), a).toString();
    }

    /**
     * @throws IllegalArgumentException (or {@link io.fieldlink.host.json.JsonException}) when the
     *     text is not a stored alert
     */
    public static Alert alert(String json) {
        Map<String, Object> m = JsonReader.parseObject(json);
        Map<String, String> evidence = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object(m, "evidence").entrySet()) {
            evidence.put(e.getKey(), String.valueOf(e.getValue()));
        }
        return new Alert(number(m, "id").longValue(), text(m, "key"), AlertKind.parse(text(m, "kind")), text(m, "device"),
                text(m, "message"), AlertState.parse(text(m, "state")), number(m, "raisedAt").longValue(),
                number(m, "updatedAt").longValue(), text(m, "acknowledgedBy"), evidence);
    }

    /** @return the webhook as JSON text */
    public static String toJson(Webhook h) {
        return new JsonWriter().beginObject().field("id", h.id()).field("url", h.url()).endObject().toString();
    }

    /** @throws IllegalArgumentException when the text is not a stored webhook */
    public static Webhook webhook(String json) {
        Map<String, Object> m = JsonReader.parseObject(json);
        return new Webhook(number(m, "id").longValue(), text(m, "url"));
    }

    /** @return the pending delivery as JSON text */
    public static String toJson(PendingDelivery d) {
        return new JsonWriter().beginObject().field("id", d.id()).field("url", d.url()).field("body", d.body())
                .field("attempts", d.attempts()).field("due", d.dueMillis()).endObject().toString();
    }

    /** @throws IllegalArgumentException when the text is not a stored pending delivery */
    public static PendingDelivery delivery(String json) {
        Map<String, Object> m = JsonReader.parseObject(json);
        return new PendingDelivery(number(m, "id").longValue(), text(m, "url"), text(m, "body"),
                number(m, "attempts").intValue(), number(m, "due").longValue());
    }

    /** @return the settings as JSON text */
    public static String toJson(AlertSettings s) {
        JsonWriter w = new JsonWriter().beginObject().name("reminderDays").beginArray();
        for (int d : s.reminderDays()) {
            w.value(d);
        }
        w.endArray().field("tariff", s.tariff()).name("thresholds").beginArray();
        for (ThresholdRule r : s.thresholds()) {
            w.beginObject().field("name", r.name()).field("channel", r.channel()).field("above", r.above())
                    .name("limit").value(r.limit()).field("holdSeconds", r.holdMillis() / 1000)
                    .field("device", r.device()).endObject();
        }
        return w.endArray().endObject().toString();
    }

    /**
     * Reads settings; members that are absent keep their value in {@code base}.
     *
     * @throws IllegalArgumentException naming the member that is wrong
     */
    public static AlertSettings settings(String json, AlertSettings base) {
        Map<String, Object> m = JsonReader.parseObject(json);
        for (String k : m.keySet()) {
            if (!k.equals("reminderDays") && !k.equals("tariff") && !k.equals("thresholds")) {
                throw new IllegalArgumentException("unknown field \"" + k + "\"");
            }
        }
        int[] days = base.reminderDays();
        if (m.containsKey("reminderDays")) {
            List<Object> list = list(m, "reminderDays");
            days = new int[list.size()];
            for (int i = 0; i < days.length; i++) {
                if (!(list.get(i) instanceof BigDecimal)) {
                    throw new IllegalArgumentException("reminderDays[" + i + "]: must be a number");
                }
                days[i] = ((BigDecimal) list.get(i)).intValueExact();
            }
        }
        String tariff = m.containsKey("tariff") ? text(m, "tariff") : base.tariff();
        List<ThresholdRule> rules = base.thresholds();
        if (m.containsKey("thresholds")) {
            rules = new ArrayList<>();
            List<Object> list = list(m, "thresholds");
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map)) {
                    throw new IllegalArgumentException("thresholds[" + i + "]: must be an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) list.get(i);
                try {
                    Object above = r.get("above");
                    if (!(above instanceof Boolean)) {
                        throw new IllegalArgumentException("above: must be true or false");
                    }
                    rules.add(new ThresholdRule(text(r, "name"), text(r, "channel"), (Boolean) above,
                            number(r, "limit").doubleValue(),
                            r.containsKey("holdSeconds") ? number(r, "holdSeconds").longValueExact() * 1000 : 0,
                            r.containsKey("device") ? text(r, "device") : ""));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new IllegalArgumentException("thresholds[" + i + "]." + e.getMessage());
                }
            }
        }
        return new AlertSettings(days, rules, tariff);
    }

    private static String text(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException(name + ": must be a string");
        }
        return (String) v;
    }

    private static BigDecimal number(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (!(v instanceof BigDecimal)) {
            throw new IllegalArgumentException(name + ": must be a number");
        }
        return (BigDecimal) v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(name + ": must be an object");
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (!(v instanceof List)) {
            throw new IllegalArgumentException(name + ": must be an array");
        }
        return (List<Object>) v;
    }
}
