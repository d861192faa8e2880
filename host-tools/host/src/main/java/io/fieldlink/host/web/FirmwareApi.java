package io.fieldlink.host.web;

import io.fieldlink.host.auth.Role;
import io.fieldlink.host.command.CommandOutbox;
import io.fieldlink.host.firmware.FirmwareImage;
import io.fieldlink.host.firmware.FirmwareImages;
import io.fieldlink.host.firmware.FirmwareRollout;
import io.fieldlink.host.firmware.FirmwareStatus;
import io.fieldlink.host.firmware.FirmwareTracker;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.registry.Device;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.store.Committer;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Firmware routes:
 * <ul>
 * <li>{@code POST /api/firmware} (operator) {@code {"version": "1.1.0", "image": "<base64>"}}: stores the
 *     image and its manifest signed by the active issuer key; 201 with the image. With
 *     {@code "manifest": "<base64 COSE_Sign1>"} (a packaged image's {@code firmware.cose}) that
 *     manifest is checked (a trusted issuer key, this version, size and SHA-256) and kept as is.</li>
 * <li>{@code GET /api/firmware} (viewer): the images and every board's update state.</li>
 * <li>{@code POST /api/firmware/{version}/rollout} (operator) {@code {"devices": ["m-1", ...]}}: queues
 *     a firmware update command per device; 202 with the command ids.</li>
 * <li>{@code GET /api/devices/{id}/firmware} (viewer): the version the board runs and its update state.</li>
 * </ul>
 * Handlers are thread-safe.
 */
public final class FirmwareApi implements ApiRoutes {
    /** The largest register body: the largest image in base64, plus room for the version and a manifest. */
    static final int MAX_UPLOAD = (int) ((FirmwareImages.MAX_IMAGE + 2) / 3 * 4) + 64 * 1024;

    private final FirmwareImages images;
    private final FirmwareTracker tracker;
    private final Supplier<CommandOutbox> outbox;
    private final DeviceRegistry registry;
    private final AuditLog audit;
    private final Committer committer;
    private final Clock clock;

    /**
     * @param outbox the host's command outbox; null from the supplier answers rollouts with 503
     */
    public FirmwareApi(FirmwareImages images, FirmwareTracker tracker, Supplier<CommandOutbox> outbox,
            DeviceRegistry registry, AuditLog audit, Committer committer, Clock clock) {
        this.images = images;
        this.tracker = tracker;
        this.outbox = outbox;
        this.registry = registry;
        this.audit = audit;
        this.committer = committer;
        this.clock = clock;
    }

    @Override
    public void addTo(Router router) {
        router.add("POST", "/api/firmware", Role.OPERATOR, MAX_UPLOAD, this::register)
                .add("GET", "/api/firmware", Role.VIEWER, this::list)
                .add("POST", "/api/firmware/{version}/rollout", Role.OPERATOR, this::rollout)
                .add("GET", "/api/devices/{id}/firmware", Role.VIEWER, this::device);
    }

    ApiResponse register(ApiRequest req) {
        Map<String, Object> body = req.jsonBody();
        for (String k : body.keySet()) {
            if (!k.equals("version") && !k.equals("image") && !k.equals("manifest")) {
                throw ApiError.badRequest("unknown field \"" + k + "\"");
            }
        }
        String version = ApiRequest.requiredText(body, "version");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(ApiRequest.requiredText(body, "image"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("field \"image\" must be base64: " + e.getMessage());
        }
        byte[] manifest = null;
        if (body.containsKey("manifest")) {
            try {
                manifest = Base64.getDecoder().decode(ApiRequest.requiredText(body, "manifest"));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("field \"manifest\" must be base64: " + e.getMessage());
            }
        }
        FirmwareImage image;
        try {
            image = images.register(version, bytes, manifest);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiError(409, e.getMessage());
        } catch (UncheckedIOException e) {
            throw new ApiError(500, e.getMessage());
        }
        committer.write(() -> {
            audit.append(req.principal(), "firmware.register", version + " " + image.sizeBytes() + " bytes", clock.millis());
            return null;
        });
        JsonWriter w = new JsonWriter();
        image(w, image);
        return ApiResponse.json(201, w.toString());
    }

    ApiResponse list(ApiRequest req) {
        JsonWriter w = new JsonWriter().beginObject().name("images").beginArray();
        for (FirmwareImage i : images.all()) {
            image(w, i);
        }
        w.endArray().name("devices").beginArray();
        for (FirmwareStatus s : tracker.all()) {
            status(w, s, registry.find(s.deviceId()));
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    ApiResponse rollout(ApiRequest req) {
        String version = req.pathParams().get(0);
        Map<String, Object> body = req.jsonBody();
        for (String k : body.keySet()) {
            if (!k.equals("devices")) {
                throw ApiError.badRequest("unknown field \"" + k + "\"");
            }
        }
        if (!(body.get("devices") instanceof List<?> list) || list.isEmpty()) {
            throw ApiError.badRequest("field \"devices\" must be a non-empty array of device ids");
        }
        List<String> ids = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String id)) {
                throw ApiError.badRequest("field \"devices\" must hold device ids (strings)");
            }
            DeviceApi.find(registry, id);
            ids.add(id);
        }
        if (images.find(version).isEmpty()) {
            throw new ApiError(404, "no firmware '" + version + "' is registered");
        }
        CommandOutbox commands = outbox.get();
        if (commands == null) {
            throw new ApiError(503, "the command outbox is not wired into this host yet: firmware cannot be rolled out");
        }
        List<FirmwareRollout.Offer> offers;
        try {
            offers = new FirmwareRollout(images, tracker, commands, clock).rollOut(version, ids);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        committer.write(() -> {
            audit.append(req.principal(), "firmware.rollout", version + " to " + String.join(",", ids), clock.millis());
            return null;
        });
        JsonWriter w = new JsonWriter().beginObject().field("version", version).name("commands").beginArray();
        for (FirmwareRollout.Offer o : offers) {
            w.beginObject().field("device", o.deviceId()).field("command", o.commandId()).endObject();
        }
        return ApiResponse.json(202, w.endArray().endObject().toString());
    }

    ApiResponse device(ApiRequest req) {
        Device d = DeviceApi.find(registry, req.pathParams().get(0));
        JsonWriter w = new JsonWriter().beginObject().field("id", d.id()).field("running", d.firmware());
        Optional<FirmwareStatus> s = tracker.status(d.id());
        if (s.isPresent()) {
            w.name("update");
            status(w, s.get(), Optional.of(d));
        }
        return ApiResponse.json(200, w.endObject().toString());
    }

    private static void image(JsonWriter w, FirmwareImage i) {
        w.beginObject().field("version", i.version()).field("size", i.sizeBytes())
                .field("sha256", HexFormat.of().formatHex(i.sha256())).field("keyId", i.keyId())
                .field("manifest", Base64.getEncoder().encodeToString(i.signedManifest()))
                .field("registeredAt", Instant.ofEpochMilli(i.registeredAt()).toString()).endObject();
    }

    private static void status(JsonWriter w, FirmwareStatus s, Optional<Device> d) {
        w.beginObject().field("device", s.deviceId()).field("version", s.version()).field("state", s.state())
                .field("reason", s.reason()).field("command", s.commandId())
                .field("updatedAt", Instant.ofEpochMilli(s.updatedAt()).toString())
                .field("running", d.map(Device::firmware).orElse(null)).endObject();
    }
}
