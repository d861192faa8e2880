package io.fieldlink.host.web.forward;

import io.fieldlink.host.ledger.forward.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Delivers ledger records by HTTP POST ({@code application/json}, header {@code Idempotency-Key}); a
 * 2xx answer is accepted, anything else (or no answer) is retried by the forwarder.
 */
public final class HttpDelivery implements Delivery {
    private final HttpClient client;
    private final URI endpoint;
    private final String bearer;
    private final Duration timeout;

    /**
     * @param endpoint where to POST
     * @param bearer an {@code Authorization: Bearer} token for the endpoint, or null
     */
    public HttpDelivery(URI endpoint, String bearer, Duration timeout) {
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("forwarding endpoint must be http or https, was " + endpoint);
        }
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.endpoint = endpoint;
        this.bearer = bearer;
        this.timeout = timeout;
    }

    @Override
    public String deliver(String idempotencyKey, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            return status / 100 == 2 ? null : "HTTP " + status + " from " + endpoint;
        } catch (IOException e) {
            return "no answer from " + endpoint + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
