package io.fieldlink.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.config.HostConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that a host started with {@code ledger.forward} delivers its ledger entries and a
 * checkpoint to the endpoint, with idempotency keys, even when the endpoint refuses the first tries.
 */
class LedgerForwardingTest {
    @TempDir
    Path dir;
    HttpServer endpoint;
    HostServer host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (endpoint != null) {
            endpoint.stop(0);
        }
    }

    @Test
    void aBadEndpointStopsTheStartNamingTheKey() {
        HostConfig config = HostConfig.defaults().with(HostConfig.LEDGER_FORWARD, "audit=ftp://example.org/x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HostServer.builder().config(config).dataDir(dir)
                .bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start())
                .isInstanceOf(io.fieldlink.host.config.ConfigException.class).hasMessageContaining("ledger.forward");
    }

    @Test
    void entriesAndCheckpointsReachAFlakyEndpoint() throws IOException {
        List<String> keys = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger(2);
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/ledger", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (refusals.getAndDecrement() > 0) {
                    ex.sendResponseHeaders(503, -1);
                    return;
                }
                keys.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
                bodies.add(body);
                ex.sendResponseHeaders(204, -1);
            } finally {
                ex.close();
            }
        });
        endpoint.start();
        HostConfig config = HostConfig.defaults().with(HostConfig.LEDGER_FORWARD,
                "audit=http://127.0.0.1:" + endpoint.getAddress().getPort() + "/ledger");
        host = HostServer.builder().config(config).dataDir(dir).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
        HostFixture.provision(host, "m1", "meter");
        HostFixture.http(host.httpPort(), "POST", "/api/accounts/m1/topups", host.operatorKey(),
                "{\"amount\":1000,\"requestId\":\"f1\"}");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && !keys.contains("fieldlink:checkpoint:0")) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        assertThat(keys).contains("fieldlink:entry:0", "fieldlink:checkpoint:0");
        assertThat(bodies.get(keys.indexOf("fieldlink:checkpoint:0"))).contains("\"size\":1");
        assertThat(bodies.get(keys.indexOf("fieldlink:entry:0"))).contains("\"kind\":\"TOPUP_ISSUED\"", "\"account\":\"m1\"");
    }
}
