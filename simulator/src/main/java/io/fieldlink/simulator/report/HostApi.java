package io.fieldlink.simulator.report;

import io.fieldlink.host.json.JsonException;
import io.fieldlink.host.json.JsonReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The host's HTTP API as the simulator uses it, with the operator (or technician) key: provision a
 * device and get its PSK, read a device, its series and its events. Errors name the request and the
 * host's answer. Thread-safe.
 */
public final class HostApi {
    private final URI base;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param base the API's base URL, e.g. {@code http://127.0.0.1:8080}
     * @param key an API key with the technician role or above
     */
    public HostApi(URI base, String key) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.key = key;
    }

    /** @return the base URL */
    public URI base() {
        return base;
    }

    /**
     * Provisions {@code id} as a board of {@code kind}, or, when it exists already (a second run
     * on the same host), returns null: its PSK was shown once and is not returned again.
     *
     * @return the new device's PSK, or null when the device was provisioned before
     * @throws IOException when the host cannot be reached or refuses
     */
    public byte[] provision(String id, String kind) throws IOException {
        String body = "{\"id\":\"" + id + "\",\"board\":\"" + kind + "\"}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/api/devices"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        if (r.statusCode() == 409) {
            return null;
        }
        Map<String, Object> m = object(r, "POST /api/devices " + id, 201);
        Object psk = m.get("psk");
        if (!(psk instanceof String)) {
            throw new IOException("POST /api/devices " + id + ": the answer has no psk");
        }
        return HexFormat.of().parseHex((String) psk);
    }

    /** @return the device's JSON object */
    public Map<String, Object> device(String id) throws IOException {
        return object(get("/api/devices/" + enc(id)), "GET /api/devices/" + id, 200);
    }

    /** @return the raw points {@code {t, v}} of a channel with {@code from <= t < to} */
    @SuppressWarnings("unchecked")
    public List<Object> series(String id, String channel, long from, long to) throws IOException {
        String path = "/api/devices/" + enc(id) + "/series?channel=" + enc(channel) + "&from=" + Instant.ofEpochMilli(from)
                + "&to=" + Instant.ofEpochMilli(to);
        return (List<Object>) object(get(path), "GET " + path, 200).get("points");
    }

    /** @return the events {@code {t, seq, type, body}} with {@code from <= t < to} */
    @SuppressWarnings("unchecked")
    public List<Object> events(String id, long from, long to) throws IOException {
        String path = "/api/devices/" + enc(id) + "/events?from=" + Instant.ofEpochMilli(from) + "&to=" + Instant.ofEpochMilli(to);
        return (List<Object>) object(get(path), "GET " + path, 200).get("events");
    }

    /** One page of {@code GET /api/export/devices/{id}}. */
    public record ExportPage(Map<String, List<Object>> readings, List<Object> events, Long next) {
    }

    /**
     * Reads one page of a device's stored readings (the channels named) and events with
     * {@code from <= t < to}.
     *
     * @return the page, or null when the host has no export route (an older host)
     * @throws IOException when the API fails
     */
    @SuppressWarnings("unchecked")
    public ExportPage export(String id, java.util.Collection<String> channels, boolean events, long from, long to,
            int limit) throws IOException {
        String path = "/api/export/devices/" + enc(id) + "?from=" + from + "&to=" + to + "&limit=" + limit + "&events="
                + events + (channels.isEmpty() ? "" : "&channels=" + enc(String.join(",", channels)));
        HttpResponse<String> r = get(path);
        if (r.statusCode() == 404 && !r.body().contains("no device")) {
            return null;
        }
        Map<String, Object> m = object(r, "GET " + path, 200);
        Object next = m.get("next");
        return new ExportPage((Map<String, List<Object>>) (Map<?, ?>) m.get("readings"), (List<Object>) m.get("events"),
                next instanceof java.math.BigDecimal n ? n.longValueExact() : null);
    }

    /** @return true when {@code GET /health} answers 200 */
    public boolean healthy() {
        try {
            return send(HttpRequest.newBuilder(base.resolve("/health")).GET()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
        try {
            return http.send(b.header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Map<String, Object> object(HttpResponse<String> r, String what, int expected) throws IOException {
        if (r.statusCode() != expected) {
            throw new IOException(what + ": HTTP " + r.statusCode() + " " + r.body().strip());
        }
        try {
            return JsonReader.parseObject(r.body());
        } catch (JsonException e) {
            throw new IOException(what + ": the answer is not JSON: " + e.getMessage(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
