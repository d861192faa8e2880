package io.fieldlink.host.web;

import io.fieldlink.host.alert.Alert;
import io.fieldlink.host.alert.AlertBook;
import io.fieldlink.host.alert.AlertConfig;
import io.fieldlink.host.alert.AlertException;
import io.fieldlink.host.alert.AlertJson;
import io.fieldlink.host.alert.AlertSettings;
import io.fieldlink.host.alert.AlertState;
import io.fieldlink.host.alert.Webhook;
import io.fieldlink.host.auth.Role;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.prediction.runway.TariffBands;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.store.Committer;
import java.time.Clock;
import java.util.Map;

/**
 * {@code /api/alerts}: list and acknowledge alerts, configure webhooks and alert settings. Changes
 * are written to the audit log. Handlers are thread-safe.
 */
public final class AlertApi implements ApiRoutes {
    private final AlertBook book;
    private final AlertConfig config;
    private final AuditLog audit;
    private final Committer committer;
    private final Clock clock;

    public AlertApi(AlertBook book, AlertConfig config, AuditLog audit, Committer committer, Clock clock) {
        this.book = book;
        this.config = config;
        this.audit = audit;
        this.committer = committer;
        this.clock = clock;
    }

    @Override
    public void addTo(Router r) {
        r.add("GET", "/api/alerts/webhooks", Role.VIEWER, this::webhooks)
                .add("POST", "/api/alerts/webhooks", Role.OPERATOR, this::addWebhook)
                .add("DELETE", "/api/alerts/webhooks/{id}", Role.OPERATOR, this::removeWebhook)
                .add("GET", "/api/alerts/settings", Role.VIEWER, q -> ApiResponse.json(200, AlertJson.toJson(config.settings())))
                .add("PUT", "/api/alerts/settings", Role.OPERATOR, this::putSettings)
                .add("GET", "/api/alerts", Role.VIEWER, this::list)
                .add("GET", "/api/alerts/{id}", Role.VIEWER, q -> ApiResponse.json(200, AlertJson.toJson(find(q))))
                .add("POST", "/api/alerts/{id}/acknowledge", Role.TECHNICIAN, this::acknowledge);
    }

    ApiResponse list(ApiRequest q) {
        AlertState state = null;
        String s = q.query().get("state");
        if (s != null) {
            try {
                state = AlertState.parse(s);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(e.getMessage());
            }
        }
        long limit = q.number("limit", 100);
        if (limit < 1 || limit > 10_000) {
            throw ApiError.badRequest("parameter limit must be 1..10000");
        }
        JsonWriter w = new JsonWriter().beginObject().name("alerts").beginArray();
        for (Alert a : book.list(state, q.query().get("device"), (int) limit)) {
            AlertJson.write(w, a);
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private Alert find(ApiRequest q) {
        Alert a = book.get(id(q));
        if (a == null) {
            throw new ApiError(404, "no alert " + q.pathParams().get(0));
        }
        return a;
    }

    ApiResponse acknowledge(ApiRequest q) {
        long id = id(q);
        try {
            long now = clock.millis();
            Alert a = book.acknowledge(id, q.principal().label() + " (" + q.principal().keyId() + ")", now);
            committer.write(() -> {
                audit.append(q.principal(), "alert.acknowledge", Long.toString(id), now);
                return null;
            });
            return ApiResponse.json(200, AlertJson.toJson(a));
        } catch (AlertException e) {
            throw new ApiError(e.notFound() ? 404 : 409, e.getMessage());
        }
    }

    ApiResponse webhooks(ApiRequest q) {
        JsonWriter w = new JsonWriter().beginObject().name("webhooks").beginArray();
        for (Webhook h : config.webhooks()) {
            w.beginObject().field("id", h.id()).field("url", h.url()).endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    ApiResponse addWebhook(ApiRequest q) {
        Map<String, Object> body = q.jsonBody();
        for (String k : body.keySet()) {
            if (!k.equals("url")) {
                throw ApiError.badRequest("unknown field \"" + k + "\"");
            }
        }
        Webhook h;
        try {
            h = config.addWebhook(ApiRequest.requiredText(body, "url"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        audit(q, "alert.webhook.add", h.url());
        return ApiResponse.json(201, AlertJson.toJson(h));
    }

    ApiResponse removeWebhook(ApiRequest q) {
        long id = id(q);
        if (!config.removeWebhook(id)) {
            throw new ApiError(404, "no webhook " + id);
        }
        audit(q, "alert.webhook.remove", Long.toString(id));
        return ApiResponse.json(200, "{\"removed\":" + id + "}");
    }

    ApiResponse putSettings(ApiRequest q) {
        q.jsonBody();
        AlertSettings s;
        try {
            s = AlertJson.settings(q.body(), config.settings());
            TariffBands.parse(s.tariff());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        config.settings(s);
        audit(q, "alert.settings", AlertJson.toJson(s));
        return ApiResponse.json(200, AlertJson.toJson(s));
    }

    private void audit(ApiRequest q, String action, String target) {
        long now = clock.millis();
        committer.write(() -> {
            audit.append(q.principal(), action, target, now);
            return null;
        });
    }

    private static long id(ApiRequest q) {
        String s = q.pathParams().get(0);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("id must be an integer, got '" + s + "'");
        }
    }
}
