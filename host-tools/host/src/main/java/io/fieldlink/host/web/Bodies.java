package io.fieldlink.host.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** Reading fields of JSON request bodies, each failure a 400 naming the field. */
final class Bodies {
    private Bodies() {
    }

    /** 400 for a field not in {@code allowed}. */
    static void only(Map<String, Object> body, Set<String> allowed) {
        for (String k : body.keySet()) {
            if (!allowed.contains(k)) {
                throw ApiError.badRequest("unknown field \"" + k + "\"");
            }
        }
    }

    /** @return a required integer field */
    static long integer(Map<String, Object> body, String name) {
        Object v = body.get(name);
        if (v == null) {
            throw ApiError.badRequest("missing field \"" + name + "\"");
        }
        return integer(v, name);
    }

    /** @return an optional integer field, or {@code def} */
    static long integer(Map<String, Object> body, String name, long def) {
        Object v = body.get(name);
        return v == null ? def : integer(v, name);
    }

    private static long integer(Object v, String name) {
        if (!(v instanceof BigDecimal d)) {
            throw ApiError.badRequest("field \"" + name + "\" must be an integer");
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw ApiError.badRequest("field \"" + name + "\" must be an integer, got " + d);
        }
    }

    /** @return a positive decimal field scaled by 1000 to an integer (kg → g), exactly */
    static long thousandths(Map<String, Object> body, String name) {
        Object v = body.get(name);
        if (v == null) {
            throw ApiError.badRequest("missing field \"" + name + "\"");
        }
        if (!(v instanceof BigDecimal d)) {
            throw ApiError.badRequest("field \"" + name + "\" must be a number");
        }
        try {
            return d.movePointRight(3).longValueExact();
        } catch (ArithmeticException e) {
            throw ApiError.badRequest("field \"" + name + "\" has more than 3 decimals or is too large");
        }
    }

    /** @return a required time field: ISO-8601 instant text or epoch milliseconds */
    static long time(Map<String, Object> body, String name) {
        Object v = body.get(name);
        if (v == null) {
            throw ApiError.badRequest("missing field \"" + name + "\"");
        }
        if (v instanceof BigDecimal) {
            return integer(v, name);
        }
        if (v instanceof String s) {
            try {
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("field \"" + name + "\" must be an ISO-8601 instant, got '" + s + "'");
            }
        }
        throw ApiError.badRequest("field \"" + name + "\" must be an ISO-8601 instant or epoch milliseconds");
    }

    /** @return an optional text field, or {@code def} */
    static String text(Map<String, Object> body, String name, String def) {
        return body.containsKey(name) ? ApiRequest.requiredText(body, name) : def;
    }
}
