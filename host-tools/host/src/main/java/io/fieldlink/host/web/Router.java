package io.fieldlink.host.web;

import io.fieldlink.host.auth.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps a method and path to a route. Patterns are slash-separated with {@code {name}} segments
 * that capture one non-empty segment. Built at start-up, then read-only and thread-safe.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, SocketRoute> sockets = new HashMap<>();

    /**
     * @param role the least role allowed, or null for a route open without a key
     */
    Router add(String method, String pattern, Role role, Function<ApiRequest, ApiResponse> handler) {
        return add(method, pattern, role, 0, handler);
    }

    /**
     * A route that takes larger bodies than the server's {@code http.max-body} (an upload).
     *
     * @param maxBody the largest body accepted, in bytes, or 0 for the server's limit
     */
    Router add(String method, String pattern, Role role, int maxBody, Function<ApiRequest, ApiResponse> handler) {
        routes.add(new Route(method, split(pattern), role, maxBody, handler));
        return this;
    }

    /** Opens WebSockets on the exact {@code path}; the socket authenticates its own messages. */
    Router socket(String path, SocketRoute route) {
        sockets.put(path, route);
        return this;
    }

    /** @return what opens WebSockets on {@code path}, or null when none does */
    SocketRoute socket(String path) {
        return sockets.get(path);
    }

    /**
     * @return the route and its captured segments
     * @throws ApiError 404 when no pattern matches the path, 405 when one matches but not the method
     */
    Match resolve(String method, String path) {
        String[] segs = split(path);
        boolean pathMatched = false;
        for (Route r : routes) {
            List<String> params = match(r.pattern, segs);
            if (params == null) {
                continue;
            }
            pathMatched = true;
            if (r.method.equals(method)) {
                return new Match(r, params);
            }
        }
        if (pathMatched) {
            throw new ApiError(405, "method " + method + " is not allowed on " + path);
        }
        throw new ApiError(404, "no such resource: " + path);
    }

    private static List<String> match(String[] pattern, String[] segs) {
        if (pattern.length != segs.length) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{")) {
                if (segs[i].isEmpty()) {
                    return null;
                }
                params.add(segs[i]);
            } else if (!pattern[i].equals(segs[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.split("/", -1);
    }

    record Route(String method, String[] pattern, Role role, int maxBody, Function<ApiRequest, ApiResponse> handler) {
    }

    record Match(Route route, List<String> params) {
    }
}
