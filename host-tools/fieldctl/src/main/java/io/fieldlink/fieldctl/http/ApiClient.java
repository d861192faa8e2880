package io.fieldlink.fieldctl.http;

import io.fieldlink.protocol.crypto.Hex;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Calls the host's HTTP API with a bearer key. Thread-safe. */
public final class ApiClient {
    private final URI base;
    private final String key;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param base the API's base URL, e.g. {@code http://host:8080}
     * @param key the API key, or null for open routes only
     * @throws IllegalArgumentException when the URL is not http(s)
     */
    public ApiClient(String base, String key, Duration timeout) {
        try {
            URI u = new URI(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("--api must be an http:// or https:// URL, got '" + base + "'");
            }
            this.base = u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--api is not a URL: " + e.getMessage(), e);
        }
        this.key = key;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Reads an API key file: its first non-empty line.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it holds no key
     */
    public static String readKey(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String k = line.strip();
            if (!k.isEmpty()) {
                return k;
            }
        }
        throw new IllegalArgumentException(file + " holds no API key");
    }

    /** @return the API's host name */
    public String host() {
        return base.getHost();
    }

    /** GET; the body as JSON. */
    public Object get(String path) throws IOException, ApiException {
        return send("GET", path, null);
    }

    /** POST a JSON body; the answer as a JSON object. */
    public Map<String, Object> post(String path, String json) throws IOException, ApiException {
        Object v = send("POST", path, json);
        if (!(v instanceof Map)) {
            throw new IOException("POST " + path + ": the host did not answer with a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        return m;
    }

    /**
     * The host's issuer public keys ({@code GET /api/issuer-keys}, a JWK Set): the Ed25519 ones, by key id
     * (lower-case hex), in the host's order. Keys of other types are passed over.
     *
     * @throws IOException when the answer is not a JWK Set or an Ed25519 key in it is malformed
     */
    public Map<String, byte[]> issuerKeys() throws IOException, ApiException {
        Object jwks = get("/api/issuer-keys");
        if (!(jwks instanceof Map<?, ?> m) || !(m.get("keys") instanceof List<?> keys)) {
            throw new IOException("the host's issuer keys are not a JWK Set");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Object o : keys) {
            if (!(o instanceof Map<?, ?> k)) {
                throw new IOException("the host's issuer keys hold a key that is not an object");
            }
            if (!"OKP".equals(k.get("kty")) || !"Ed25519".equals(k.get("crv"))) {
                continue;
            }
            if (!(k.get("kid") instanceof String kid) || !(k.get("x") instanceof String x)) {
                throw new IOException("the host's issuer key " + k.get("kid") + " lacks its kid or x");
            }
            byte[] key;
            try {
                Hex.decode(kid);
                key = Base64.getUrlDecoder().decode(x);
            } catch (IllegalArgumentException e) {
                throw new IOException("the host's issuer key " + kid + " is malformed: " + e.getMessage(), e);
            }
            if (key.length != 32) {
                throw new IOException("the host's issuer key " + kid + " is not 32 bytes");
            }
            out.put(kid.toLowerCase(Locale.ROOT), key);
        }
        return out;
    }

    private Object send(String method, String path, String json) throws IOException, ApiException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted calling " + method + " " + path, e);
        } catch (IOException e) {
            throw new IOException("cannot reach the host at " + base + ": " + e, e);
        }
        Object body;
        try {
            body = r.body().isEmpty() ? null : Json.parse(r.body());
        } catch (IllegalArgumentException e) {
            if (r.statusCode() >= 300) {
                throw new ApiException(r.statusCode(), method + " " + path + " answered " + r.statusCode());
            }
            throw new IOException(method + " " + path + ": the host's answer is " + e.getMessage(), e);
        }
        if (r.statusCode() >= 300) {
            String reason = body instanceof Map<?, ?> m && m.get("error") instanceof String s ? s : r.body();
            throw new ApiException(r.statusCode(), method + " " + path + " answered " + r.statusCode() + ": " + reason);
        }
        return body;
    }
}
