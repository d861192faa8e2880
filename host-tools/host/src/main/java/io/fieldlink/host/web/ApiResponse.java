package io.fieldlink.host.web;

import java.util.Map;

/**
 * What a route answers.
 *
 * @param status HTTP status
 * @param contentType MIME type
 * @param body the body text (ignored when {@code bytes} is set)
 * @param bytes a binary body (static files, images), or null for a text body
 * @param headers extra response headers (e.g. Cache-Control, Location)
 */
record ApiResponse(int status, String contentType, String body, byte[] bytes, Map<String, String> headers) {
    ApiResponse(int status, String contentType, String body) {
        this(status, contentType, body, null, Map.of());
    }

    static ApiResponse json(int status, String body) {
        return new ApiResponse(status, "application/json", body);
    }

    static ApiResponse csv(String body) {
        return new ApiResponse(200, "text/csv; charset=utf-8", body);
    }

    static ApiResponse text(String contentType, String body) {
        return new ApiResponse(200, contentType, body);
    }

    /** A 302 to {@code location}. */
    static ApiResponse redirect(String location) {
        return new ApiResponse(302, "text/plain", "", null, Map.of("Location", location));
    }

    /** A binary answer, e.g. {@code image/png}. */
    static ApiResponse binary(String contentType, byte[] bytes) {
        return new ApiResponse(200, contentType, "", bytes, Map.of());
    }
}
