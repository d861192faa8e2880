package io.fieldlink.host.ledger.forward;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fieldlink.host.ledger.Ledger;
import io.fieldlink.host.ledger.LedgerEntry;
import io.fieldlink.host.ledger.MoneyEventKind;
import io.fieldlink.host.store.ledger.FileCursorStore;
import io.fieldlink.host.store.ledger.FileLedgerStore;
import io.fieldlink.host.web.forward.HttpDelivery;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifies that an endpoint that fails for a while, and a host that restarts, still end with every record delivered. */
class LedgerForwarderTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> receivedKeys = new ArrayList<>();
    private final Map<String, String> bodies = new LinkedHashMap<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private FileLedgerStore store;
    private Ledger ledger;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ledger", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            synchronized (this) {
                if (failFirst.getAndDecrement() > 0) {
                    status = 503;
                } else {
                    receivedKeys.add(key);
                    String earlier = bodies.putIfAbsent(key, body);
                    status = earlier == null || earlier.equals(body) ? 200 : 409;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        store = FileLedgerStore.open(dir.resolve("ledger"));
        ledger = Ledger.open(store, new Signer());
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        store.close();
    }

    @Test
    void everyEntryAndCheckpointArrivesInOrderDespiteFailuresAndARestart() throws Exception {
        for (int i = 0; i < 25; i++) {
            ledger.append(new LedgerEntry(MoneyEventKind.CONSUMPTION_CHARGED, "charge:m1:" + i, "m1", 100 + i, i * 1000L, new byte[0]));
            if (i % 10 == 9) {
                ledger.checkpoint(i * 1000L);
            }
        }
        failFirst.set(7);
        FileCursorStore cursors = new FileCursorStore(dir.resolve("cursors"));

        long now = runUntilCaughtUpOrSteps(forwarder(cursors), 0, 4);
        ledger.append(new LedgerEntry(MoneyEventKind.SALE, "sale:p1:1", "p1", 5_000, 99_000, new byte[] {1}));
        ledger.checkpoint(99_000);
        runUntilCaughtUpOrSteps(forwarder(cursors), now, 1_000);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            expected.add("fl:entry:" + i);
            if (i == 9) {
                expected.add("fl:checkpoint:0");
            } else if (i == 19) {
                expected.add("fl:checkpoint:1");
            }
        }
        expected.add("fl:checkpoint:2");
        assertThat(receivedKeys.stream().distinct().toList()).containsExactlyElementsOf(expected);
        assertThat(bodies.get("fl:entry:25")).contains("\"kind\":\"SALE\"", "\"amount_milli\":5000", "\"account\":\"p1\"");
        assertThat(bodies.get("fl:checkpoint:2")).contains("\"size\":26");
    }

    @Test
    void aDeadEndpointDoesNotHoldUpALiveOne() throws Exception {
        ledger.append(new LedgerEntry(MoneyEventKind.TOPUP_ISSUED, "topup:1", "m1", 10, 1, new byte[0]));
        Delivery dead = (key, json) -> "connection refused";
        Delivery live = new HttpDelivery(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ledger"), null, Duration.ofSeconds(5));
        LedgerForwarder forwarder = new LedgerForwarder("fl", ledger, Map.of("dead", dead, "live", live),
                new FileCursorStore(dir.resolve("c")), new Backoff(1_000, 60_000), new Random(1), 10);

        long next = forwarder.step(0);

        assertThat(receivedKeys).containsExactly("fl:entry:0");
        assertThat(forwarder.status().get("dead").failures()).isEqualTo(1);
        assertThat(forwarder.status().get("dead").lastError()).isEqualTo("connection refused");
        assertThat(next).isBetween(500L, 1_000L);
    }

    private LedgerForwarder forwarder(FileCursorStore cursors) throws IOException {
        Delivery http = new HttpDelivery(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ledger"), "secret", Duration.ofSeconds(5));
        return new LedgerForwarder("fl", ledger, Map.of("books", http), cursors, new Backoff(1_000, 300_000), new Random(42), 4);
    }

    /** Drives the forwarder on virtual time: each step jumps to when it asks to be called next. */
    private static long runUntilCaughtUpOrSteps(LedgerForwarder forwarder, long now, int maxSteps) {
        for (int i = 0; i < maxSteps; i++) {
            long next = forwarder.step(now);
            if (next == Long.MAX_VALUE) {
                return now;
            }
            now = Math.max(now, next);
        }
        return now;
    }

    private static final class Signer implements io.fieldlink.host.ledger.CheckpointSigner {
        private final byte[] secret = new byte[32];

        Signer() {
            new SecureRandom().nextBytes(secret);
        }

        @Override
        public String keyId() {
            return "k";
        }

        @Override
        public byte[] sign(byte[] message) {
            byte[] signature = new byte[64];
            Ed25519.sign(secret, 0, message, 0, message.length, signature, 0);
            return signature;
        }
    }
}
