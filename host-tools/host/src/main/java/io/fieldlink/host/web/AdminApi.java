package io.fieldlink.host.web;

import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.auth.ApiKeys;
import io.fieldlink.host.auth.Principal;
import io.fieldlink.host.auth.Role;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.store.Committer;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** {@code /api/keys} (operators create and list keys) and {@code /api/audit}. */
final class AdminApi {
    private final ApiKeys keys;
    private final Committer committer;
    private final AuditLog audit;
    private final Clock clock;

    AdminApi(ApiKeys keys, Committer committer, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.committer = committer;
        this.audit = audit;
        this.clock = clock;
    }

    /** POST {@code {"role": ..., "label": ...}} → 201 {@code {"id", "role", "label", "key"}}; the key is shown once. */
    ApiResponse createKey(ApiRequest req) {
        Map<String, Object> body = req.jsonBody();
        for (String k : body.keySet()) {
            if (!k.equals("role") && !k.equals("label")) {
                throw ApiError.badRequest("unknown field \"" + k + "\"");
            }
        }
        Role role;
        try {
            role = Role.parse(ApiRequest.requiredText(body, "role"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        String label = body.containsKey("label") ? ApiRequest.requiredText(body, "label") : "";
        if (label.length() > 100) {
            throw ApiError.badRequest("label is longer than 100 characters");
        }
        ApiKeys.Created c = committer.write(() -> {
            ApiKeys.Created created = keys.create(role, label);
            audit.append(req.principal(), "key.create", created.principal().keyId() + " " + role.wireName(), clock.millis());
            return created;
        });
        return ApiResponse.json(201, new JsonWriter().beginObject().field("id", c.principal().keyId())
                .field("role", role.wireName()).field("label", label).field("key", c.key()).endObject().toString());
    }

    ApiResponse listKeys(ApiRequest req) {
        JsonWriter w = new JsonWriter().beginObject().name("keys").beginArray();
        for (Principal p : keys.list()) {
            w.beginObject().field("id", p.keyId()).field("role", p.role().wireName()).field("label", p.label())
                    .endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    ApiResponse audit(ApiRequest req) {
        long after = req.number("after", 0);
        long limit = Math.min(req.number("limit", 1000), 10_000);
        JsonWriter w = new JsonWriter().beginObject().name("entries").beginArray();
        for (AuditLog.Entry e : audit.read(after, (int) limit)) {
            w.beginObject().field("seq", e.seq()).field("at", Instant.ofEpochMilli(e.at()).toString())
                    .field("key", e.keyId()).field("role", e.role()).field("label", e.label())
                    .field("action", e.action()).field("target", e.target()).endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }
}
