package io.fieldlink.host.ingest;

import io.fieldlink.host.json.JsonWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a SenML pack (RFC 8428), given as records with their labels spelled as in SenML-JSON
 * ({@code bn}, {@code bt}, {@code n}, {@code v} ...), into resolved readings and events: names are
 * base name + name, times base time + time (seconds; below 2^28 relative to now), numeric values
 * become readings, string/boolean/data values become events. Stateless; thread-safe.
 */
public final class SenmlResolver {
    private static final Set<String> KNOWN = Set.of("bn", "bt", "bu", "bv", "bs", "bver", "n", "u", "v", "vs",
            "vb", "vd", "s", "t", "ut");
    private static final double RELATIVE_LIMIT = 268_435_456d;

    private SenmlResolver() {
    }

    /**
     * @param records the pack's records in order
     * @param device the sending device
     * @param nowMillis the host's time, for relative times
     * @throws MalformedUplinkException naming the record index and field
     */
    public static Uplink resolve(List<Map<String, Object>> records, String device, long nowMillis) {
        if (records.isEmpty()) {
            throw bad(-1, "pack has no records");
        }
        String bn = "";
        double bt = 0;
        double bv = 0;
        List<Reading> readings = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> r = records.get(i);
            for (String label : r.keySet()) {
                if (!KNOWN.contains(label)) {
                    if (label.endsWith("_")) {
                        throw bad(i, "must-understand label '" + label + "' is not supported");
                    }
                }
            }
            if (r.containsKey("bver") && number(r, "bver", i) > 10) {
                throw bad(i, "unsupported SenML version " + number(r, "bver", i));
            }
            if (r.containsKey("bn")) {
                bn = text(r, "bn", i);
            }
            if (r.containsKey("bt")) {
                bt = number(r, "bt", i);
            }
            if (r.containsKey("bv")) {
                bv = number(r, "bv", i);
            }
            String name = bn + (r.containsKey("n") ? text(r, "n", i) : "");
            checkName(name, i);
            double t = bt + (r.containsKey("t") ? number(r, "t", i) : 0);
            long timeMillis = Math.abs(t) < RELATIVE_LIMIT ? nowMillis + Math.round(t * 1000) : Math.round(t * 1000);
            int values = 0;
            if (r.containsKey("v")) {
                values++;
                readings.add(new Reading(name, timeMillis, bv + number(r, "v", i)));
            }
            if (r.containsKey("vs")) {
                values++;
                events.add(new Event(name, timeMillis, new JsonWriter().beginObject()
                        .field("vs", text(r, "vs", i)).endObject().toString()));
            }
            if (r.containsKey("vb")) {
                values++;
                if (!(r.get("vb") instanceof Boolean)) {
                    throw bad(i, "'vb' must be a boolean");
                }
                events.add(new Event(name, timeMillis, new JsonWriter().beginObject()
                        .field("vb", (Boolean) r.get("vb")).endObject().toString()));
            }
            if (r.containsKey("vd")) {
                values++;
                events.add(new Event(name, timeMillis, new JsonWriter().beginObject()
                        .field("vd", text(r, "vd", i)).endObject().toString()));
            }
            if (r.containsKey("s")) {
                values++;
                readings.add(new Reading(name + ":sum", timeMillis, number(r, "s", i)));
            }
            if (values != 1 && !(values == 0 && r.containsKey("bn") && !r.containsKey("n"))) {
                throw bad(i, values == 0 ? "record has no value (v, vs, vb, vd or s)" : "record has more than one value");
            }
        }
        return new Uplink(device, -1, readings, events, nowMillis);
    }

    private static void checkName(String name, int i) {
        if (name.isEmpty()) {
            throw bad(i, "record has an empty name");
        }
        char first = name.charAt(0);
        if (!Character.isLetterOrDigit(first) || first > 127) {
            throw bad(i, "name '" + name + "' must start with a letter or digit");
        }
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == ':' || c == '.' || c == '/' || c == '_';
            if (!ok) {
                throw bad(i, "name '" + name + "' has a character outside A-Z a-z 0-9 - : . / _");
            }
        }
    }

    private static String text(Map<String, Object> r, String label, int i) {
        Object v = r.get(label);
        if (!(v instanceof String)) {
            throw bad(i, "'" + label + "' must be a string");
        }
        return (String) v;
    }

    private static double number(Map<String, Object> r, String label, int i) {
        Object v = r.get(label);
        double d;
        if (v instanceof BigDecimal) {
            d = ((BigDecimal) v).doubleValue();
        } else if (v instanceof Number) {
            d = ((Number) v).doubleValue();
        } else {
            throw bad(i, "'" + label + "' must be a number");
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw bad(i, "'" + label + "' must be finite");
        }
        return d;
    }

    private static MalformedUplinkException bad(int index, String what) {
        return new MalformedUplinkException("senml", index < 0 ? what : "SenML record " + index + ": " + what);
    }
}
