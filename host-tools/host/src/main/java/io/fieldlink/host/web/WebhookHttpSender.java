package io.fieldlink.host.web;

import io.fieldlink.host.alert.WebhookSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts alert notifications with the JDK HTTP client (10 s timeouts). Thread-safe. */
public final class WebhookHttpSender implements WebhookSender {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public int post(String url, String jsonBody) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("User-Agent", "fieldlink-host")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build();
        try {
            return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
