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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** {@code /api/devices}: provision (one or a batch), list and show devices. Handlers are thread-safe. */
final class DeviceApi {
    /** Most devices in one {@code POST /api/devices/batch}. */
    static final int BATCH_MAX = 10_000;
    /**
     * Largest body of a batch: {@value #BATCH_MAX} entries of the longest id (about 100 bytes each)
     * with room for whitespace.
     */
    static final int BATCH_MAX_BODY = 4 << 20;

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
        device(w, d, true);
        return ApiResponse.json(201, w.toString());
    }

    /**
     * POST {@code /api/devices/batch}: {@code {"devices": [{"id": ..., "board": ...}, ...]}}, 1 to
     * {@value #BATCH_MAX} devices, all or none: every entry is checked before anything is stored, the
     * batch is one durable write with one audit entry → 201 {@code {"count": n, "devices": [...]}},
     * each device with its PSK (hex), shown once.
     */
    ApiResponse provisionBatch(ApiRequest req) {
        Map<String, Object> body = req.jsonBody();
        for (String k : body.keySet()) {
            if (!k.equals("devices")) {
                throw ApiError.badRequest("unknown field \"" + k + "\"");
            }
        }
        Object list = body.get("devices");
        if (!(list instanceof List<?> entries)) {
            throw ApiError.badRequest(list == null ? "missing field \"devices\"" : "field \"devices\" must be an array");
        }
        if (entries.isEmpty() || entries.size() > BATCH_MAX) {
            throw ApiError.badRequest("\"devices\" must hold 1 to " + BATCH_MAX + " entries; got " + entries.size());
        }
        List<DeviceRegistry.NewDevice> batch = new ArrayList<>(entries.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            DeviceRegistry.NewDevice n = entry(i, entries.get(i));
            Integer first = seen.putIfAbsent(n.id(), i);
            if (first != null) {
                throw ApiError.badRequest("devices[" + i + "]: device '" + n.id() + "' appears twice in the batch (also devices["
                        + first + "])");
            }
            batch.add(n);
        }
        int taken = firstProvisioned(batch);
        if (taken >= 0) {
            throw alreadyProvisioned(batch, taken);
        }
        int[] raced = {-1};
        List<Device> created = committer.write(() -> {
            raced[0] = firstProvisioned(batch); // provisioned by another request since the check above
            if (raced[0] >= 0) {
                return List.of();
            }
            long now = clock.millis();
            List<Device> made = registry.provisionAll(batch, now);
            audit.append(req.principal(), "device.provision-batch", auditTarget(batch), now);
            return made;
        });
        if (raced[0] >= 0) {
            throw alreadyProvisioned(batch, raced[0]);
        }
        JsonWriter w = new JsonWriter().beginObject().field("count", created.size()).name("devices").beginArray();
        for (Device d : created) {
            device(w, d, true);
        }
        return ApiResponse.json(201, w.endArray().endObject().toString());
    }

    /** @return one batch entry, checked; 400 naming its index (and id) when it is not a valid {@code {"id", "board"}} */
    private static DeviceRegistry.NewDevice entry(int i, Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            throw ApiError.badRequest("devices[" + i + "]: must be an object {\"id\": ..., \"board\": ...}");
        }
        for (Object k : m.keySet()) {
            if (!"id".equals(k) && !"board".equals(k)) {
                throw ApiError.badRequest("devices[" + i + "]: unknown field \"" + k + "\"");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) m;
        String id;
        String kind;
        try {
            id = ApiRequest.requiredText(fields, "id");
            kind = ApiRequest.requiredText(fields, "board");
        } catch (ApiError e) {
            throw ApiError.badRequest("devices[" + i + "]: " + e.getMessage());
        }
        try {
            DeviceId.check(id);
            return new DeviceRegistry.NewDevice(id, BoardKind.parse(kind));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("devices[" + i + "] (id '" + id + "'): " + e.getMessage());
        }
    }

    /** @return the index of the first device of {@code batch} already provisioned, or -1 */
    private int firstProvisioned(List<DeviceRegistry.NewDevice> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (registry.find(batch.get(i).id()).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    private static ApiError alreadyProvisioned(List<DeviceRegistry.NewDevice> batch, int i) {
        return new ApiError(409, "devices[" + i + "]: device '" + batch.get(i).id()
                + "' is already provisioned; nothing in the batch was provisioned");
    }

    /** @return e.g. {@code 5000 devices: meter-00001 .. meter-05000} (the lowest and highest id) */
    private static String auditTarget(List<DeviceRegistry.NewDevice> batch) {
        String lo = batch.get(0).id();
        String hi = lo;
        for (DeviceRegistry.NewDevice n : batch) {
            lo = n.id().compareTo(lo) < 0 ? n.id() : lo;
            hi = n.id().compareTo(hi) > 0 ? n.id() : hi;
        }
        return batch.size() + (batch.size() == 1 ? " device: " : " devices: ") + lo + " .. " + hi;
    }

    ApiResponse list(ApiRequest req) {
        JsonWriter w = new JsonWriter().beginObject().name("devices").beginArray();
        for (Device d : registry.all()) {
            device(w, d, false);
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    ApiResponse show(ApiRequest req) {
        Device d = find(registry, req.pathParams().get(0));
        JsonWriter w = new JsonWriter();
        device(w, d, false);
        return ApiResponse.json(200, w.toString());
    }

    static Device find(DeviceRegistry registry, String id) {
        return registry.find(id).orElseThrow(() -> new ApiError(404, "no device '" + id + "'"));
    }

    /** Writes a device; with {@code psk} its pre-shared key too (hex), only in a provisioning answer. */
    private void device(JsonWriter w, Device d, boolean psk) {
        long now = clock.millis();
        boolean online = d.lastSeen() > 0 && now - d.lastSeen() <= offlineAfter.toMillis();
        w.beginObject().field("id", d.id()).field("board", d.board().wireName())
                .field("provisionedAt", Instant.ofEpochMilli(d.provisionedAt()).toString())
                .field("lastSeen", d.lastSeen() == 0 ? null : Instant.ofEpochMilli(d.lastSeen()).toString())
                .field("firmware", d.firmware()).field("bootCount", d.bootCount())
                .field("status", online ? "online" : "offline");
        if (psk) {
            w.field("psk", HexFormat.of().formatHex(d.psk()));
        }
        w.endObject();
    }
}
