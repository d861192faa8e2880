package io.fieldlink.host.web;

/**
 * What a route answers.
 *
 * @param status HTTP status
 * @param contentType MIME type
 * @param body the body text
 */
record ApiResponse(int status, String contentType, String body) {
    static ApiResponse json(int status, String body) {
        return new ApiResponse(status, "application/json", body);
    }

    static ApiResponse csv(String body) {
        return new ApiResponse(200, "text/csv; charset=utf-8", body);
    }

    static ApiResponse text(String contentType, String body) {
        return new ApiResponse(200, contentType, body);
    }
}
