package io.fieldlink.host.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's files from the jar ({@code /ui/...} on the class path), read once and kept.
 * Only plain file names are served (no {@code ..}, no slashes): anything else is a 404.
 * Thread-safe.
 */
final class StaticFiles {
    /** The page may load only its own files, talk only to its own host, and not be framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' blob: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "LICENSE", "text/plain; charset=utf-8");
    private final String root;
    private final String cacheControl;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /**
     * @param root class-path folder, e.g. {@code /ui/}
     * @param cacheControl the Cache-Control header sent with each file
     */
    StaticFiles(String root, String cacheControl) {
        this.root = root;
        this.cacheControl = cacheControl;
    }

    /** @return the file as a response; 404 when it is not there or its name is not plain */
    ApiResponse get(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new ApiError(404, "no such file: " + name);
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            throw new ApiError(404, "no such file: " + name);
        }
        byte[] bytes = cache.computeIfAbsent(name, this::read);
        if (bytes.length == 0) {
            throw new ApiError(404, "no such file: " + name);
        }
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("Cache-Control", cacheControl);
        headers.put("X-Content-Type-Options", "nosniff");
        if (name.endsWith(".html")) {
            headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        return new ApiResponse(200, type, "", bytes, Map.copyOf(headers));
    }

    private byte[] read(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(root + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new ApiError(500, "cannot read " + name + ": " + e.getMessage());
        }
    }
}
