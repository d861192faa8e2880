package io.fieldlink.simulator.bench;

import io.fieldlink.host.HostServer;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import io.fieldlink.simulator.net.DtlsHost;
import io.fieldlink.simulator.net.HostPort;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one board's DTLS costs the simulator: starts a real host (temporary directory), opens N board
 * connections through {@link DtlsHost} (one socket, connector and session each), has every board
 * send one CoAP request so that its handshake completes and an answer comes back, then reports the
 * heap growth after a full GC, per board, and the process's thread count. Not a unit test: a load
 * generator whose numbers go to BENCHMARKS.md.
 *
 * <pre>
 * java -Xmx2g -cp ... io.fieldlink.simulator.bench.DtlsFootprint [BOARDS]
 * </pre>
 */
public final class DtlsFootprint {
    private DtlsFootprint() {
    }

    /** @param args optional number of boards (default 2,000) */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Files.createTempDirectory("dtls-footprint");
        try (HostServer host = HostServer.builder().dataDir(dir).bindAddress("127.0.0.1").httpPort(0).coapsPort(0)
                .build().start()) {
            List<String> ids = new ArrayList<>();
            List<java.util.concurrent.CompletableFuture<Device>> provisioned = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = "fp-" + i;
                ids.add(id);
                provisioned.add(host.committer().submit(() -> host.registry().provision(id, BoardKind.METER,
                        System.currentTimeMillis())));
            }
            List<byte[]> keys = new ArrayList<>();
            for (java.util.concurrent.CompletableFuture<Device> d : provisioned) {
                keys.add(d.get().psk());
            }
            long threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            long heapBefore = usedAfterGc();
            String rssBefore = rss();
            AtomicInteger answered = new AtomicInteger();
            List<HostPort.Connection> connections = new ArrayList<>();
            try (DtlsHost port = new DtlsHost(new InetSocketAddress("127.0.0.1", host.coapsPort()))) {
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    connections.add(port.connect(ids.get(i), keys.get(i), d -> answered.incrementAndGet()));
                }
                long connected = System.nanoTime();
                byte[] hello = hello();
                for (int i = 0; i < n; i++) {
                    connections.get(i).send(hello.clone());
                    if (i % 200 == 199) {
                        waitFor(answered, i + 1 - 50, 60);
                    }
                }
                waitFor(answered, n, 120);
                long done = System.nanoTime();
                long heapAfter = usedAfterGc();
                long threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
                System.out.printf("boards %d: sockets+connectors opened in %.1f s, %d handshakes + first answers in %.1f s%n",
                        n, (connected - t0) / 1e9, answered.get(), (done - connected) / 1e9);
                System.out.printf("heap after GC: %,d -> %,d bytes (host in the same process, with its %d sessions): "
                        + "%,d bytes per board (client and host side together)%n", heapBefore, heapAfter, n,
                        (heapAfter - heapBefore) / n);
                System.out.printf("threads: %d -> %d (the host's own included); process resident memory %s -> %s%n",
                        threadsBefore, threadsAfter, rssBefore, rss());
                System.out.println(port.stats().line());
                for (HostPort.Connection c : connections) {
                    c.close();
                }
                connections.clear();
                long heapClosed = usedAfterGc();
                System.out.printf("after closing the boards: %,d bytes (the host keeps its %d sessions): client side "
                        + "%,d bytes per board%n", heapClosed, n, (heapAfter - heapClosed) / n);
            }
        }
    }

    private static void waitFor(AtomicInteger answered, int atLeast, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (answered.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20); // a load generator pacing itself, not a test
        }
    }

    /** @return the process's resident set (Linux), or "?" */
    private static String rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (java.io.IOException e) {
            return "?";
        }
        return "?";
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            Runtime r = Runtime.getRuntime();
            used = Math.min(used, r.totalMemory() - r.freeMemory());
        }
        return used;
    }

    /** A CoAP CON POST to {@code hello} without a payload: the host answers 4.00. */
    private static byte[] hello() {
        byte[] path = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] m = new byte[5 + path.length];
        m[0] = 0x40;
        m[1] = 0x02;
        m[2] = 0x12;
        m[3] = 0x34;
        m[4] = (byte) (0xB0 | path.length);
        System.arraycopy(path, 0, m, 5, path.length);
        return m;
    }
}
