package io.fieldlink.host.web;

import fi.iki.elonen.NanoWSD;
import io.fieldlink.host.HostException;
import io.fieldlink.host.auth.ApiKeys;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.auth.Principal;
import io.fieldlink.host.auth.Role;
import io.fieldlink.host.config.HostConfig;
import io.fieldlink.host.store.TimeSeriesStore;
import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.Committer;
import java.time.Clock;
import io.fieldlink.host.json.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * The HTTP server: authenticates {@code Authorization: Bearer <key>}, routes, checks the role,
 * and turns {@link ApiError}s into JSON error bodies ({@code {"error": "..."}}). Requests are served
 * on NanoHTTPD's threads. WebSocket upgrades on a path a feature registered ({@link Router#socket})
 * are handed to that feature's socket, on the same port; other upgrades get 404. Start once, stop once.
 */
public final class HttpApi extends NanoWSD implements AutoCloseable {
    private final Router router;
    private final ApiKeys keys;
    /** Refused bodies up to this size are read and dropped so the connection stays usable. */
    private static final long DISCARD_LIMIT = 1 << 20;
    private final int maxBody;

    HttpApi(String bind, int port, Router router, ApiKeys keys, int maxBody) {
        super(bind, port);
        this.router = router;
        this.keys = keys;
        this.maxBody = maxBody;
    }

    /**
     * Wires every route (not started): the core device, data and admin routes, then each feature's.
     *
     * @param port 0 for any free port
     * @param features route groups of the host's features (ledger, billing, predictions, ...)
     */
    public static HttpApi create(HostConfig config, int port, DeviceRegistry registry, TimeSeriesStore series,
            ApiKeys keys, AuditLog audit, Committer committer, HostMetrics metrics, Clock clock,
            List<ApiRoutes> features) {
        DeviceApi devices = new DeviceApi(registry, committer, audit, clock, config.get(HostConfig.DEVICE_OFFLINE_AFTER));
        SeriesApi data = new SeriesApi(registry, series, clock, config.get(HostConfig.API_MAX_POINTS));
        AdminApi admin = new AdminApi(keys, committer, audit, clock);
        Router r = new Router()
                .add("GET", "/health", null, q -> ApiResponse.json(200, "{\"status\":\"ok\"}"))
                .add("GET", "/metrics", Role.VIEWER, q -> ApiResponse.text("text/plain; version=0.0.4", metrics.render()))
                .add("GET", "/api/devices", Role.VIEWER, devices::list)
                .add("POST", "/api/devices", Role.TECHNICIAN, devices::provision)
                .add("POST", "/api/devices/batch", Role.TECHNICIAN, DeviceApi.BATCH_MAX_BODY, devices::provisionBatch)
                .add("GET", "/api/devices/{id}", Role.VIEWER, devices::show)
                .add("GET", "/api/devices/{id}/series", Role.VIEWER, data::series)
                .add("GET", "/api/devices/{id}/events", Role.VIEWER, data::events)
                .add("GET", "/api/keys", Role.OPERATOR, admin::listKeys)
                .add("POST", "/api/keys", Role.OPERATOR, admin::createKey)
                .add("GET", "/api/audit", Role.OPERATOR, admin::audit);
        for (ApiRoutes f : features) {
            f.addTo(r);
        }
        return new HttpApi(config.get(HostConfig.BIND_ADDRESS), port, r, keys, config.get(HostConfig.HTTP_MAX_BODY));
    }

    /**
     * Binds the port.
     *
     * @throws HostException when it cannot be bound
     */
    public void begin() {
        try {
            // No read timeout: NanoHTTPD's default (5 s) would cut idle WebSockets (DEPENDENCIES.md).
            start(0, true);
        } catch (IOException e) {
            throw new HostException("cannot start HTTP on port " + getListeningPort() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Response serve(IHTTPSession session) {
        if (isWebsocketRequested(session) && router.socket(session.getUri()) == null) {
            return error(404, "no WebSocket at " + session.getUri());
        }
        return super.serve(session);
    }

    /**
     * Answers go out without Nagle's delay: NanoHTTPD writes the head and the body separately, and with
     * Nagle on, the body waited for the client's delayed ACK of the head (~40 ms on Linux), so every
     * request on a kept-alive connection took at least 40 ms (the simulator's read-back of 2,000
     * devices on 8 connections: 12.9 s).
     */
    @Override
    protected ClientHandler createClientHandler(java.net.Socket socket, InputStream in) {
        try {
            socket.setTcpNoDelay(true);
        } catch (java.net.SocketException e) {
            Logger.debug("cannot set TCP_NODELAY on an HTTP connection: {}", e.getMessage());
        }
        return super.createClientHandler(socket, in);
    }

    /** Gzips text and JSON for clients that accept it (NanoWSD turns gzip off for every response). */
    @Override
    protected boolean useGzipWhenAccepted(Response r) {
        String type = r.getMimeType() == null ? "" : r.getMimeType().toLowerCase(java.util.Locale.ROOT);
        return r.getStatus() != Response.Status.SWITCH_PROTOCOL && (type.contains("text/") || type.contains("/json"));
    }

    @Override
    protected WebSocket openWebSocket(IHTTPSession handshake) {
        return router.socket(handshake.getUri()).open(handshake);
    }

    @Override
    protected Response serveHttp(IHTTPSession session) {
        boolean[] bodyRead = {false};
        try {
            ApiResponse r = handle(session, bodyRead);
            Response.IStatus status = Response.Status.lookup(r.status());
            Response out = r.bytes() == null ? newFixedLengthResponse(status, r.contentType(), r.body())
                    : newFixedLengthResponse(status, r.contentType(), new ByteArrayInputStream(r.bytes()), r.bytes().length);
            r.headers().forEach(out::addHeader);
            return out;
        } catch (ApiError e) {
            Response out = error(e.status(), e.getMessage());
            // a body left unread would be taken for the next request on a kept-alive connection, and
            // closing on a client still sending it resets the connection before it reads the answer:
            // a modest body is read and dropped, a larger one closes the connection after the answer
            if (!bodyRead[0] && !discardBody(session)) {
                out.closeConnection(true);
            }
            return out;
        } catch (RuntimeException e) {
            Logger.error(e, "HTTP {} {} failed", session.getMethod(), session.getUri());
            return error(500, "internal error");
        }
    }

    /**
     * Resolves the route and checks the caller's key before reading the body, so an unknown path or an
     * unauthorised caller never makes the server take in an upload-sized body.
     */
    private ApiResponse handle(IHTTPSession session, boolean[] bodyRead) {
        String method = session.getMethod() == null ? "?" : session.getMethod().name();
        Router.Match m = router.resolve(method, session.getUri());
        Principal who = null;
        if (m.route().role() != null) {
            who = authenticate(session.getHeaders().get("authorization"));
            if (!who.role().covers(m.route().role())) {
                throw new ApiError(403, "role " + who.role().wireName() + " may not do this; needs "
                        + m.route().role().wireName());
            }
        }
        String body = body(session, m.route().maxBody() > 0 ? m.route().maxBody() : maxBody);
        bodyRead[0] = true;
        Map<String, String> query = new HashMap<>();
        for (Map.Entry<String, List<String>> e : session.getParameters().entrySet()) {
            if (!e.getValue().isEmpty()) {
                query.put(e.getKey(), e.getValue().get(0));
            }
        }
        return m.route().handler().apply(new ApiRequest(who, m.params(), query, body));
    }

    private Principal authenticate(String header) {
        if (header == null) {
            throw new ApiError(401, "missing Authorization: Bearer <key>");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, "Authorization must be Bearer <key>");
        }
        Optional<Principal> p = keys.authenticate(header.substring(7).trim());
        return p.orElseThrow(() -> new ApiError(401, "unknown API key"));
    }

    private static String body(IHTTPSession session, int maxBody) {
        String len = session.getHeaders().get("content-length");
        if (len == null) {
            return "";
        }
        int n;
        try {
            n = Integer.parseInt(len.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("bad Content-Length");
        }
        if (n > maxBody) {
            throw new ApiError(413, "body larger than " + maxBody + " bytes");
        }
        byte[] buf = new byte[n];
        try {
            InputStream in = session.getInputStream();
            int off = 0;
            while (off < n) {
                int r = in.read(buf, off, n - off);
                if (r < 0) {
                    throw ApiError.badRequest("body shorter than Content-Length");
                }
                off += r;
            }
        } catch (IOException e) {
            throw ApiError.badRequest("cannot read body: " + e.getMessage());
        }
        return new String(buf, StandardCharsets.UTF_8);
    }

    /** @return true when the request's body (if any) was read and dropped; false when it is too large or unreadable */
    private static boolean discardBody(IHTTPSession session) {
        String len = session.getHeaders().get("content-length");
        if (len == null) {
            return true;
        }
        long n;
        try {
            n = Long.parseLong(len.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (n > DISCARD_LIMIT) {
            return false;
        }
        try {
            InputStream in = session.getInputStream();
            byte[] sink = new byte[(int) Math.min(n, 8192)];
            while (n > 0) {
                int r = in.read(sink, 0, (int) Math.min(n, sink.length));
                if (r < 0) {
                    return false;
                }
                n -= r;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Response error(int status, String message) {
        Response.IStatus s = Response.Status.lookup(status);
        String body = new JsonWriter().beginObject().field("error", message).endObject().toString();
        return newFixedLengthResponse(s == null ? Response.Status.INTERNAL_ERROR : s, "application/json", body);
    }

    @Override
    public void close() {
        stop();
    }
}
