package io.fieldlink.host.web;

import io.fieldlink.host.auth.Principal;
import io.fieldlink.host.json.JsonException;
import io.fieldlink.host.json.JsonReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * One authenticated API call: who, the path parameters, the query and the body.
 *
 * @param principal the key holder, null on open routes
 * @param pathParams values of the route's {@code {name}} segments, in order
 * @param query query parameters (first value of each)
 * @param body the request body as text, empty when none
 */
record ApiRequest(Principal principal, List<String> pathParams, Map<String, String> query, String body) {

    /** @return the body as a JSON object; 400 when it is not one */
    Map<String, Object> jsonBody() {
        if (body.isEmpty()) {
            throw ApiError.badRequest("request body must be a JSON object");
        }
        try {
            return JsonReader.parseObject(body);
        } catch (JsonException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    /** @return a required string member of the JSON body; 400 naming it when missing or not a string */
    static String requiredText(Map<String, Object> obj, String name) {
        Object v = obj.get(name);
        if (v == null) {
            throw ApiError.badRequest("missing field \"" + name + "\"");
        }
        if (!(v instanceof String)) {
            throw ApiError.badRequest("field \"" + name + "\" must be a string");
        }
        return (String) v;
    }

    /** @return a time parameter (ISO-8601 instant or epoch milliseconds), or {@code def} when absent */
    long time(String name, long def) {
        String v = query.get(name);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(v).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw ApiError.badRequest("parameter " + name + " must be an ISO-8601 instant or epoch milliseconds, got '" + v + "'");
            }
        }
    }

    /** @return a non-negative integer parameter, or {@code def} when absent */
    long number(String name, long def) {
        String v = query.get(name);
        if (v == null) {
            return def;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw ApiError.badRequest("parameter " + name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("parameter " + name + " must be an integer, got '" + v + "'");
        }
    }

    /** @return true when {@code format=csv}; 400 for a format other than json or csv */
    boolean csv() {
        String f = query.getOrDefault("format", "json");
        if (!f.equals("json") && !f.equals("csv")) {
            throw ApiError.badRequest("format must be json or csv, got '" + f + "'");
        }
        return f.equals("csv");
    }
}
