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
 * device, or a fleet in batches, and get the PSKs, read a device, its series and its events; book pump slots, put pumps in
 * stations and read the stations' books (operator key), read the issuer keys. Errors name the
 * request and the host's answer. Thread-safe.
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

    /** Devices per {@code POST /api/devices/batch} (the host takes up to 10,000; one durable commit each). */
    public static final int PROVISION_CHUNK = 5_000;

    /** The host refused a provisioning because a device exists already (its PSK is not shown again). */
    public static final class AlreadyProvisionedException extends IOException {
        private static final long serialVersionUID = 1L;

        AlreadyProvisionedException(String message) {
            super(message);
        }
    }

    /**
     * Provisions every device of {@code kinds} through {@code POST /api/devices/batch}, in chunks of
     * {@value #PROVISION_CHUNK} (each all or nothing on the host).
     *
     * @param kinds device id to board kind ({@code meter}, {@code pump}, {@code wellhead})
     * @return device id to its new PSK
     * @throws AlreadyProvisionedException when a device of a chunk exists already (that chunk and
     *     the later ones are not provisioned; earlier chunks are)
     * @throws IOException when the host cannot be reached or refuses
     */
    public Map<String, byte[]> provisionAll(Map<String, String> kinds) throws IOException {
        Map<String, byte[]> psks = new java.util.HashMap<>();
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(kinds.entrySet());
        for (int from = 0; from < all.size(); from += PROVISION_CHUNK) {
            List<Map.Entry<String, String>> chunk = all.subList(from, Math.min(all.size(), from + PROVISION_CHUNK));
            StringBuilder body = new StringBuilder(chunk.size() * 48).append("{\"devices\":[");
            for (int i = 0; i < chunk.size(); i++) {
                body.append(i > 0 ? "," : "").append("{\"id\":\"").append(chunk.get(i).getKey()).append("\",\"board\":\"")
                        .append(chunk.get(i).getValue()).append("\"}");
            }
            body.append("]}");
            String what = "POST /api/devices/batch (" + chunk.get(0).getKey() + " .. " + chunk.get(chunk.size() - 1).getKey() + ")";
            HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/api/devices/batch"))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).header("Content-Type", "application/json"));
            if (r.statusCode() == 409) {
                throw new AlreadyProvisionedException(what + ": " + r.body().strip());
            }
            Object devices = object(r, what, 201).get("devices");
            if (!(devices instanceof List<?> made) || made.size() != chunk.size()) {
                throw new IOException(what + ": the answer does not list the " + chunk.size() + " devices");
            }
            for (Object o : made) {
                if (!(o instanceof Map<?, ?> d) || !(d.get("id") instanceof String id) || !(d.get("psk") instanceof String psk)) {
                    throw new IOException(what + ": a device without id or psk in the answer: " + o);
                }
                psks.put(id, HexFormat.of().parseHex(psk));
            }
        }
        return psks;
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

    /** A pump booking as the host made it: its id in the station's numbering and the signed token. */
    public record Booking(String station, long id, String token, long grams, String status) {
    }

    /**
     * Books a pump slot ({@code POST /api/bookings}, any pump of the station): the host numbers the
     * booking and signs its token with its active issuer key.
     *
     * @param slotStart epoch ms
     * @param slotEnd epoch ms, after the start and in the host's future
     * @return the booking with its token
     * @throws IOException when the host cannot be reached or refuses (the message holds its answer)
     */
    public Booking book(String station, long slotStart, long slotEnd, long grams) throws IOException {
        String body = "{\"station\":\"" + station + "\",\"slotStart\":" + slotStart + ",\"slotEnd\":" + slotEnd
                + ",\"kg\":" + java.math.BigDecimal.valueOf(grams, 3).toPlainString() + "}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/api/bookings"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        return booking(object(r, "POST /api/bookings " + station, 201));
    }

    private static Booking booking(Map<?, ?> m) throws IOException {
        Object token = m.get("token");
        if (!(token instanceof String) || !(m.get("bookingId") instanceof java.math.BigDecimal id)
                || !(m.get("grams") instanceof java.math.BigDecimal grams)) {
            throw new IOException("a booking without token, bookingId or grams: " + m);
        }
        return new Booking(String.valueOf(m.get("station")), id.longValueExact(), (String) token, grams.longValueExact(),
                String.valueOf(m.get("status")));
    }

    /** @return a station's bookings ({@code GET /api/stations/{station}/bookings}), by id */
    public List<Booking> bookings(String station) throws IOException {
        String path = "/api/stations/" + enc(station) + "/bookings";
        List<Booking> out = new java.util.ArrayList<>();
        for (Object o : (List<?>) object(get(path), "GET " + path, 200).get("bookings")) {
            out.add(booking((Map<?, ?>) o));
        }
        return out;
    }

    /** One sale in a station's books. */
    public record Sale(String device, long seq, long grams, long amount, long tokenId) {
    }

    /** @return a station's sales with {@code from <= time < to} ({@code GET /api/stations/{station}/sales}) */
    public List<Sale> sales(String station, long from, long to) throws IOException {
        String path = "/api/stations/" + enc(station) + "/sales?from=" + Instant.ofEpochMilli(from) + "&to="
                + Instant.ofEpochMilli(to);
        List<Sale> out = new java.util.ArrayList<>();
        for (Object o : (List<?>) object(get(path), "GET " + path, 200).get("sales")) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.add(new Sale(String.valueOf(m.get("device")), number(m, "seq"), number(m, "grams"), number(m, "amount"),
                    number(m, "tokenId")));
        }
        return out;
    }

    private static long number(Map<?, ?> m, String name) throws IOException {
        if (!(m.get(name) instanceof java.math.BigDecimal d)) {
            throw new IOException("field " + name + " is not a number in " + m);
        }
        return d.longValueExact();
    }

    /** Puts a pump board in a station ({@code POST /api/stations/{station}/pumps}). */
    public void assignPump(String station, String device) throws IOException {
        String path = "/api/stations/" + enc(station) + "/pumps";
        object(send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"device\":\"" + device + "\"}"))), "POST " + path, 200);
    }

    /**
     * The host's issuer public keys ({@code GET /api/issuer-keys}) as a board's {@code issuer_keys}
     * config: {@code <key id hex>:<public key hex>}, comma separated.
     */
    public String issuerKeysConfig() throws IOException {
        StringBuilder b = new StringBuilder();
        for (Object o : (List<?>) object(get("/api/issuer-keys"), "GET /api/issuer-keys", 200).get("keys")) {
            Map<?, ?> k = (Map<?, ?>) o;
            if (!(k.get("kid") instanceof String kid) || !(k.get("x") instanceof String x)) {
                throw new IOException("GET /api/issuer-keys: a key without kid or x: " + k);
            }
            b.append(b.length() > 0 ? "," : "").append(kid).append(':')
                    .append(HexFormat.of().formatHex(java.util.Base64.getUrlDecoder().decode(x)));
        }
        if (b.length() == 0) {
            throw new IOException("GET /api/issuer-keys: the host has no issuer key");
        }
        return b.toString();
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
