package io.fieldlink.host.alert;

import java.io.IOException;

/** Posts one JSON body to a URL (the HTTP adapter implements it). */
@FunctionalInterface
public interface WebhookSender {
    /**
     * @return the HTTP status of the answer
     * @throws IOException when no answer came (connection refused, timeout)
     */
    int post(String url, String jsonBody) throws IOException;
}
