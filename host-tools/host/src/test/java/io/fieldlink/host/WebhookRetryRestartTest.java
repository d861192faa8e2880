package io.fieldlink.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fieldlink.host.alert.AlertKind;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webhook delivery waiting for its retry survives a host restart: a real HTTP receiver answers 503
 * until the host has restarted, and the restarted host sends the delivery when its retry is due by
 * the host's (hand-moved) clock.
 */
class WebhookRetryRestartTest {
    static final long T0 = 1_767_225_600_000L;
    @TempDir
    Path dir;
    final HandClock clock = new HandClock(T0);
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicBoolean up = new AtomicBoolean(false);
    HttpServer receiver;
    HostServer host;

    HostServer startHost() {
        return HostServer.builder().dataDir(dir).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).insecureCoap(0)
                .clock(clock).build().start();
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    /** Runs the dispatcher until the receiver has {@code n} requests or 10 s pass (the scheduler may also send). */
    void sendUntil(int n) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (received.size() < n && System.nanoTime() < deadline) {
            host.foresight().evaluateNow();
            LockSupport.parkNanos(2_000_000L);
        }
    }

    @Test
    void aDeliveryDueBeforeARestartIsRetriedAfterIt() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(up.get() ? 204 : 503, -1);
            ex.close();
        });
        receiver.start();
        host = startHost();
        HostFixture.Reply hook = HostFixture.http(host.httpPort(), "POST", "/api/alerts/webhooks", host.operatorKey(),
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        long id = host.foresight().alerts().raise("offline/m1", AlertKind.OFFLINE, "m1", "silent", Map.of("silentSeconds", "4000"),
                clock.millis()).id();

        sendUntil(1);
        assertThat(received).hasSize(1);
        assertThat(host.foresight().webhooks().pending()).isEqualTo(1);
        assertThat(host.foresight().webhooks().nextDue()).isEqualTo(T0 + 1_000);
        host.close();
        host = null;

        up.set(true);
        host = startHost();
        assertThat(host.foresight().webhooks().pending()).as("resumed from the store").isEqualTo(1);
        assertThat(host.foresight().webhooks().nextDue()).isEqualTo(T0 + 1_000);
        host.foresight().evaluateNow();
        assertThat(received).as("not due yet by the host's clock").hasSize(1);

        clock.advance(1_000);
        sendUntil(2);
        assertThat(received).hasSize(2);
        assertThat(received.get(1)).isEqualTo(received.get(0)).contains("\"event\":\"alert.open\"")
                .contains("\"id\":" + id);
        assertThat(host.foresight().webhooks().pending()).isZero();
        assertThat(host.foresight().webhooks().delivered()).isEqualTo(1);

        host.close();
        host = startHost();
        assertThat(host.foresight().webhooks().pending()).as("a sent delivery is not resumed").isZero();
    }
}
