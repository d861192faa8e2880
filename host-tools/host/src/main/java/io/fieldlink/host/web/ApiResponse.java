package io.fieldlink.host.web;

/**
 * What a route answers.
 *
 * @param status HTTP status
 * @param contentType MIME type
 * @param body the body text (empty for a binary answer)
 * @param bytes the body bytes of a binary answer (an image), or null for a text answer
 */
record ApiResponse(int status, String contentType, String body, byte[] bytes) {
    ApiResponse(int status, String contentType, String body) {
        this(status, contentType, body, null);
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

    /** A binary answer, e.g. {@code image/png}. */
    static ApiResponse binary(String contentType, byte[] bytes) {
        return new ApiResponse(200, contentType, "", bytes);
    }
}
