package io.fieldlink.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.ingest.Reading;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that {@code kill -9} at an arbitrary moment loses no acknowledged record: a child JVM
 * runs the host, clients uplink and remember what was acknowledged, the child is killed mid-stream,
 * and a host restarted on the same directory holds every acknowledged record. Uplinks are durable in
 * the ingest log and the store is checkpointed behind it, so the batch test runs with checkpoints
 * every few dozen writes (kills land before, between and during them) and with none at all (every
 * acknowledged seq comes back from the log alone).
 */
@Tag("slow")
class KillDurabilityTest {
    private static final long T0 = 1_763_683_200_000L;
    private static final int CLIENTS = 4;
    @TempDir
    Path dir;
    @TempDir
    Path configDir;

    @Test
    void everyAcknowledgedRecordSurvivesKill9() throws Exception {
        Process child = startChild();
        List<CoapEndpoint> endpoints = new ArrayList<>();
        Set<Long> acked = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        try {
            int[] ports = ports(child);
            String key = Files.readString(dir.resolve("operator.key")).trim();
            assertThat(HostFixture.http(ports[0], "POST", "/api/devices", key, "{\"id\":\"k1\",\"board\":\"meter\"}")
                    .status()).isEqualTo(201);
            for (int c = 0; c < CLIENTS; c++) {
                CoapEndpoint ep = HostFixture.plainEndpoint();
                endpoints.add(ep);
                CoapClient client = HostFixture.client("coap://127.0.0.1:" + ports[2] + "/telemetry?d=k1", ep,
                        Duration.ofSeconds(2));
                Thread t = new Thread(() -> uplinkUntilStopped(client, sent, acked, stop));
                threads.add(t);
                t.start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acked.size() < 300 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L); // poll, do not spin: two shared cores
            }
            assertThat(acked.size()).as("acks before the kill").isGreaterThanOrEqualTo(300);
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        } finally {
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
            endpoints.forEach(CoapEndpoint::destroy);
            child.destroyForcibly();
        }
        assertThat(sent.get()).as("uplinks sent after the last ack").isGreaterThan(acked.size());
        try (HostServer host = HostFixture.start(dir)) {
            List<Reading> stored = host.series().readings("k1", "v", 0, Long.MAX_VALUE, Integer.MAX_VALUE);
            Set<Long> times = ConcurrentHashMap.newKeySet();
            stored.forEach(r -> times.add(r.timeMillis()));
            List<Long> lost = new ArrayList<>();
            for (long t : acked) {
                if (!times.contains(t)) {
                    lost.add(t);
                }
            }
            assertThat(lost).as("acknowledged but lost").isEmpty();
        }
    }

    /**
     * Verifies the same for {@code up} batches from clients of one device whose seqs interleave (so
     * the host acknowledges ranges beyond a watermark): every seq an Ack covered is stored after the
     * restart, with its readings, and sending it again stores nothing twice.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "checkpoint every {0} writes (0: never)")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 40})
    void everyAcknowledgedSeqOfABatchSurvivesKill9(int checkpointWrites) throws Exception {
        Process child = startChild(checkpointWrites == 0 ? "ingest.checkpoint-interval=1h\ningest.checkpoint-writes=10000000\n"
                : "ingest.checkpoint-writes=" + checkpointWrites + "\n");
        List<CoapEndpoint> endpoints = new ArrayList<>();
        Set<Long> acked = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong nextSeq = new java.util.concurrent.atomic.AtomicLong(1);
        List<Thread> threads = new ArrayList<>();
        try {
            int[] ports = ports(child);
            String key = Files.readString(dir.resolve("operator.key")).trim();
            assertThat(HostFixture.http(ports[0], "POST", "/api/devices", key, "{\"id\":\"k2\",\"board\":\"meter\"}")
                    .status()).isEqualTo(201);
            for (int c = 0; c < CLIENTS; c++) {
                CoapEndpoint ep = HostFixture.plainEndpoint();
                endpoints.add(ep);
                CoapClient client = HostFixture.client("coap://127.0.0.1:" + ports[2] + "/up?d=k2", ep, Duration.ofSeconds(2));
                Thread t = new Thread(() -> batchesUntilStopped(client, nextSeq, acked, stop));
                threads.add(t);
                t.start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acked.size() < 1000 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L); // poll, do not spin: two shared cores
            }
            assertThat(acked.size()).as("acks before the kill").isGreaterThanOrEqualTo(1000);
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            if (checkpointWrites == 0) {
                try (java.util.stream.Stream<Path> s = Files.list(dir.resolve("ingest-log"))) {
                    assertThat(s.mapToLong(p -> p.toFile().length()).sum()).as("acknowledged batches only in the log")
                            .isGreaterThan(0);
                }
            }
        } finally {
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
            endpoints.forEach(CoapEndpoint::destroy);
            child.destroyForcibly();
        }
        try (HostServer host = HostFixture.start(dir)) {
            Set<Long> times = new java.util.HashSet<>();
            host.series().readings("k2", "v", 0, Long.MAX_VALUE, Integer.MAX_VALUE).forEach(r -> times.add(r.timeMillis()));
            List<Long> lost = new ArrayList<>();
            for (long seq : acked) {
                if (!host.series().contains("k2", seq) || !times.contains(T0 + seq * 1000)) {
                    lost.add(seq);
                }
            }
            assertThat(lost).as("acknowledged but lost").isEmpty();
            int before = times.size();
            CoapEndpoint ep = HostFixture.plainEndpoint();
            try {
                long again = acked.iterator().next();
                CoapResponse r = HostFixture.client("coap://127.0.0.1:" + host.coapPort() + "/up?d=k2", ep,
                        Duration.ofSeconds(10)).post(batch(again, 1), 60);
                assertThat(r.getCode()).isEqualTo(ResponseCode.CHANGED);
                assertThat(io.fieldlink.protocol.record.Ack.decode(r.getPayload()).acknowledges(again)).isTrue();
            } finally {
                ep.destroy();
            }
            assertThat(host.series().readings("k2", "v", 0, Long.MAX_VALUE, Integer.MAX_VALUE)).hasSize(before);
        }
    }

    private static byte[] batch(long first, int n) {
        List<io.fieldlink.protocol.record.UplinkRecord> records = new ArrayList<>();
        for (long seq = first; seq < first + n; seq++) {
            io.fieldlink.protocol.senml.SenmlPack p = new io.fieldlink.protocol.senml.SenmlPack();
            p.add().name("v").value(seq % 997);
            records.add(io.fieldlink.protocol.record.UplinkRecord.telemetry(seq, T0 + seq * 1000, p));
        }
        return new io.fieldlink.protocol.record.UplinkBatch(records).encode();
    }

    private static void batchesUntilStopped(CoapClient client, java.util.concurrent.atomic.AtomicLong nextSeq, Set<Long> acked,
            AtomicBoolean stop) {
        while (!stop.get()) {
            long first = nextSeq.getAndAdd(5);
            try {
                CoapResponse r = client.post(batch(first, 5), 60);
                if (r == null) {
                    return;
                }
                if (r.getCode() == ResponseCode.CHANGED) {
                    io.fieldlink.protocol.record.Ack ack = io.fieldlink.protocol.record.Ack.decode(r.getPayload());
                    for (long seq = first; seq < first + 5; seq++) {
                        if (ack.acknowledges(seq)) {
                            acked.add(seq);
                        }
                    }
                }
            } catch (Exception e) {
                return;
            }
        }
    }

    private static void uplinkUntilStopped(CoapClient client, AtomicInteger sent, Set<Long> acked, AtomicBoolean stop) {
        while (!stop.get()) {
            long t = T0 + sent.incrementAndGet() * 1000L;
            byte[] pack = ("[{\"n\":\"v\",\"t\":" + t / 1000 + ",\"v\":" + (t % 997) + "}]").getBytes(StandardCharsets.UTF_8);
            try {
                CoapResponse r = client.post(pack, 110);
                if (r != null && r.getCode() == ResponseCode.CHANGED) {
                    acked.add(t);
                } else if (r == null) {
                    return;
                }
            } catch (Exception e) {
                return;
            }
        }
    }

    private Process startChild() throws Exception {
        return startChild("");
    }

    /** @param properties host configuration lines for the child */
    private Process startChild(String properties) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path config = configDir.resolve("host.properties");
        Files.writeString(config, properties);
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.fieldlink.host.Main", "--data", dir.toString(), "--http-port", "0", "--coaps-port", "0",
                "--coap-port", "0", "--insecure-coap", "--config", config.toString());
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    /** @return http, coaps and coap ports read from the child's "ports:" line */
    private static int[] ports(Process child) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Pattern p = Pattern.compile("ports: http=(\\d+) coaps=(\\d+) coap=(\\d+)");
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = r.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = p.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (r.readLine() != null) {
                            continue;
                        }
                    } catch (java.io.IOException e) {
                        return;
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
            }
        }
        throw new AssertionError("the child host did not start:\n" + seen);
    }
}
