package io.fieldlink.host.web;

import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import io.fieldlink.host.registry.DeviceId;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.Committer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** {@code /api/devices}: provision, list and show devices. Handlers are thread-safe. */
final class DeviceApi {
    private final DeviceRegistry registry;
    private final Committer committer;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration offlineAfter;

    DeviceApi(DeviceRegistry registry, Committer committer, AuditLog audit, Clock clock, Duration offlineAfter) {
        this.registry = registry;
        this.committer = committer;
        this.audit = audit;
        this.clock = clock;
        this.offlineAfter = offlineAfter;
    }

    /** POST: {@code {"id": ..., "board": ...}} → 201 with the device and its PSK (hex), shown once. */
    ApiResponse provision(ApiRequest req) {
        Map<String, Object> body = req.jsonBody();
        for (String k : body.keySet()) {
            if (!k.equals("id") && !k.equals("board")) {
                throw ApiError.badRequest("unknown field \"" + k + "\"");
            }
        }
        String id = ApiRequest.requiredText(body, "id");
        BoardKind board;
        try {
            DeviceId.check(id);
            board = BoardKind.parse(ApiRequest.requiredText(body, "board"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        if (registry.find(id).isPresent()) {
            throw new ApiError(409, "device '" + id + "' is already provisioned");
        }
        Device d;
        try {
            d = committer.write(() -> {
                long now = clock.millis();
                Device created = registry.provision(id, board, now);
                audit.append(req.principal(), "device.provision", id, now);
                return created;
            });
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, e.getMessage());
        }
        JsonWriter w = new JsonWriter();
        device(w, d);
        String json = w.toString();
        String withPsk = json.substring(0, json.length() - 1) + ",\"psk\":\"" + HexFormat.of().formatHex(d.psk()) + "\"}";
        return ApiResponse.json(201, withPsk);
    }

    ApiResponse list(ApiRequest req) {
        JsonWriter w = new JsonWriter().beginObject().name("devices").beginArray();
        for (Device d : registry.all()) {
            device(w, d);
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    ApiResponse show(ApiRequest req) {
        Device d = find(registry, req.pathParams().get(0));
        JsonWriter w = new JsonWriter();
        device(w, d);
        return ApiResponse.json(200, w.toString());
    }

    static Device find(DeviceRegistry registry, String id) {
        return registry.find(id).orElseThrow(() -> new ApiError(404, "no device '" + id + "'"));
    }

    private void device(JsonWriter w, Device d) {
        long now = clock.millis();
        boolean online = d.lastSeen() > 0 && now - d.lastSeen() <= offlineAfter.toMillis();
        w.beginObject().field("id", d.id()).field("board", d.board().wireName())
                .field("provisionedAt", Instant.ofEpochMilli(d.provisionedAt()).toString())
                .field("lastSeen", d.lastSeen() == 0 ? null : Instant.ofEpochMilli(d.lastSeen()).toString())
                .field("firmware", d.firmware()).field("bootCount", d.bootCount())
                .field("status", online ? "online" : "offline").endObject();
    }
}
