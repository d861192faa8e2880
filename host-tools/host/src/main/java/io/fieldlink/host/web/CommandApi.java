package io.fieldlink.host.web;

import io.fieldlink.host.auth.Role;
import io.fieldlink.host.command.CommandOutbox;
import io.fieldlink.host.command.QueuedCommand;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.store.Committer;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/devices/{id}/commands}: a device's commands with their state (viewer), and queueing a
 * config set (operator; audited as {@code command.config}). Signed commands are queued by the
 * features that sign them (billing, safety), not through this route. Handlers are thread-safe.
 */
public final class CommandApi implements ApiRoutes {
    private final CommandOutbox outbox;
    private final DeviceRegistry registry;
    private final Committer committer;
    private final AuditLog audit;
    private final Clock clock;

    /** Wires the routes to the outbox; changes commit together with their audit entry. */
    public CommandApi(CommandOutbox outbox, DeviceRegistry registry, Committer committer, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.registry = registry;
        this.committer = committer;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void addTo(Router router) {
        router.add("GET", "/api/devices/{id}/commands", Role.VIEWER, this::list)
                .add("POST", "/api/devices/{id}/commands", Role.OPERATOR, this::queueConfig);
    }

    ApiResponse list(ApiRequest req) {
        String id = DeviceApi.find(registry, req.pathParams().get(0)).id();
        JsonWriter w = new JsonWriter().beginObject().field("device", id).name("commands").beginArray();
        for (QueuedCommand c : outbox.commands(id)) {
            w.beginObject().field("id", c.id()).field("type", c.type().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .field("state", c.state()).field("detail", c.detail())
                    .field("queuedAt", Instant.ofEpochMilli(c.queuedAtMs()).toString()).endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    /** POST {@code {"type": "config", "key": ..., "value": ...}} → 201 {@code {"id": ...}}. */
    ApiResponse queueConfig(ApiRequest req) {
        String id = DeviceApi.find(registry, req.pathParams().get(0)).id();
        Map<String, Object> body = req.jsonBody();
        for (String k : body.keySet()) {
            if (!k.equals("type") && !k.equals("key") && !k.equals("value")) {
                throw ApiError.badRequest("unknown field \"" + k + "\"");
            }
        }
        String type = ApiRequest.requiredText(body, "type");
        if (!type.equals("config")) {
            throw ApiError.badRequest("type must be config (signed commands are queued by the features that sign them); got '"
                    + type + "'");
        }
        String key = ApiRequest.requiredText(body, "key");
        String value = ApiRequest.requiredText(body, "value");
        if (key.isEmpty() || key.length() > 64 || value.length() > 256) {
            throw ApiError.badRequest("key must be 1..64 characters and value at most 256");
        }
        long commandId = committer.write(() -> {
            long c = outbox.queueConfig(id, key, value);
            audit.append(req.principal(), "command.config", id + " #" + c + " " + key + "=" + value, clock.millis());
            return c;
        });
        return ApiResponse.json(201, new JsonWriter().beginObject().field("id", commandId).field("device", id)
                .field("state", "queued").endObject().toString());
    }
}
