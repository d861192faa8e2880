package io.fieldlink.host.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fieldlink.host.HandClock;
import io.fieldlink.host.json.JsonReader;
import io.fieldlink.host.web.WebhookHttpSender;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real local HTTP server that fails the first attempts; time is a hand-moved clock. */
class WebhookDispatcherTest {
    HttpServer server;
    final AtomicInteger failFirst = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    final List<String> received = new CopyOnWriteArrayList<>();
    final HandClock clock = new HandClock(1_000_000);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int n = attempts.incrementAndGet();
                int status = n <= failFirst.get() ? 503 : 204;
                if (status == 204) {
                    received.add(body);
                }
                ex.sendResponseHeaders(status, -1);
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    WebhookDispatcher dispatcher(String url, int maxAttempts) {
        return new WebhookDispatcher(() -> List.of(new Webhook(1, url)), new WebhookHttpSender(), clock, 1_000, 8_000,
                maxAttempts);
    }

    static Alert alert() {
        return new Alert(7, "offline/m1", AlertKind.OFFLINE, "m1", "not heard from", AlertState.OPEN, 1, 1, "",
                Map.of("silentSeconds", "4000"));
    }

    @Test
    void retriesWithBackOffUntilTheServerAccepts() {
        failFirst.set(3);
        WebhookDispatcher d = dispatcher(url(), 10);
        d.enqueue(alert());
        assertThat(d.runDue()).isEqualTo(1);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(d.nextDue()).isEqualTo(clock.millis() + 1_000);
        clock.advance(999);
        assertThat(d.runDue()).isZero();
        clock.advance(1);
        d.runDue();
        assertThat(d.nextDue()).isEqualTo(clock.millis() + 2_000);
        clock.advance(2_000);
        d.runDue();
        assertThat(d.nextDue()).isEqualTo(clock.millis() + 4_000);
        clock.advance(4_000);
        d.runDue();
        assertThat(attempts.get()).isEqualTo(4);
        assertThat(d.pending()).isZero();
        assertThat(d.delivered()).isEqualTo(1);
        Map<String, Object> body = JsonReader.parseObject(received.get(0));
        assertThat(body.get("event")).isEqualTo("alert.open");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) body.get("alert");
        assertThat(a.get("key")).isEqualTo("offline/m1");
        assertThat(a.get("evidence")).isEqualTo(Map.of("silentSeconds", "4000"));
    }

    @Test
    void backOffIsCapped() {
        failFirst.set(100);
        WebhookDispatcher d = dispatcher(url(), 100);
        d.enqueue(alert());
        for (int i = 0; i < 6; i++) {
            clock.advance(d.nextDue() - clock.millis());
            d.runDue();
        }
        assertThat(d.nextDue() - clock.millis()).isEqualTo(8_000);
    }

    @Test
    void dropsAfterTheLastAttempt() {
        failFirst.set(100);
        WebhookDispatcher d = dispatcher(url(), 2);
        d.enqueue(alert());
        d.runDue();
        clock.advance(1_000);
        d.runDue();
        assertThat(d.pending()).isZero();
        assertThat(d.dropped()).isEqualTo(1);
    }

    @Test
    void anUnreachableWebhookIsRetried() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        WebhookDispatcher d = dispatcher("http://127.0.0.1:" + port + "/nothing", 5);
        d.enqueue(alert());
        d.runDue();
        assertThat(d.pending()).isEqualTo(1);
        assertThat(d.delivered()).isZero();
    }
}
