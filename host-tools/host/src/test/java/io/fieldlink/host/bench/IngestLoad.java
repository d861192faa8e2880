package io.fieldlink.host.bench;

import com.sun.management.OperatingSystemMXBean;
import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.config.HostConfig;
import io.fieldlink.host.registry.Device;
import io.fieldlink.protocol.record.Ack;
import io.fieldlink.protocol.record.Command;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlPack;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * Ingest load generator ({@code ./fieldlink bench ingest}): simulated devices POST {@code up}
 * batches of 6 and 20 telemetry records over plain CoAP and DTLS to the real host (MapDB, group
 * committer) and, in the same run, to a bare Californium server that answers 2.04 with a fixed Ack
 * and stores nothing (each target has its own seq counters, so the host sees every device's seqs in
 * order). Closed loop: {@code --concurrency} requests in flight (one per device, like Californium's
 * benchmark client), each phase runs for {@code --seconds}. Prints uplinks/s, records/s, the
 * host's rate as a share of the bare server's, p50/p99 latency, and CPU: the server's own threads
 * (executors, committer, and the connector threads of its port), per 1,000 uplinks and per record,
 * and as a multiple of the bare server's; the committer thread alone; the whole process (clients
 * and servers share the JVM). Then an open loop: the same fixed offered rate to both targets
 * (default the anchor's, Californium 3.14.0's benchmark: 6,874 plain and 6,485 DTLS requests/s),
 * requests sent on schedule whether or not earlier ones were answered; it prints the achieved rate,
 * latency, server CPU and requests never answered. Both loops print the kernel's UDP receive-buffer
 * drops ({@code RcvbufErrors} in {@code /proc/net/snmp}, machine-wide) during the phase. Loopback
 * only; every loop is bounded.
 *
 * <p>Options: {@code --devices N} (2000; plain CoAP names them with ?d= over 32 client sockets),
 * {@code --dtls-devices N} (2000; one DTLS connector and session each), {@code --seconds S} (10),
 * {@code --concurrency C} (2000), {@code --only-size 6|20}, {@code --only-transport coap|dtls},
 * {@code --max-batch N} (the host's {@code ingest.max-batch}), {@code --loops closed|open|both}
 * (both), {@code --rate R} (requests/s offered in the open loop, both transports; default the
 * anchor's per transport), {@code --checkpoint-writes N} (the host's {@code ingest.checkpoint-writes};
 * 1 checkpoints the store after every group, as before the ingest log).
 */
public final class IngestLoad {
    /** A week ago, so retention never removes what the run stores. */
    private static final long BASE_MS = System.currentTimeMillis() / 1000 * 1000 - 7 * 86_400_000L;
    private static final byte[] BARE_ACK = new Ack(1, new long[0], new Command[0]).encode();

    private static final int PLAIN_SOCKETS = 32;
    /** SO_RCVBUF of both servers' sockets (the largest this kernel grants: net.core.rmem_max; the host's default). */
    private static final int RECEIVE_BUFFER = 4 * 1024 * 1024;
    private int devices = 2000;
    private int dtlsDevices = 2000;
    private int seconds = 10;
    private int concurrency = 2000;
    private int onlySize;
    private int maxBatch = HostConfig.INGEST_MAX_BATCH.defaultValue();
    private String onlyTransport;
    private String loops = "both";
    private int rate;
    private int checkpointWrites = HostConfig.INGEST_CHECKPOINT_WRITES.defaultValue();
    /** The anchor's rates (Californium 3.14.0 benchmark server, 2,000 clients, this kind of machine). */
    private static final int ANCHOR_PLAIN_RATE = 6_874;
    private static final int ANCHOR_DTLS_RATE = 6_485;
    private final ScheduledExecutorService clientMain = Executors.newScheduledThreadPool(2);
    private final ScheduledExecutorService clientAux = Executors.newScheduledThreadPool(1);
    /** One pool for every client DTLS connector's handshakes and records (not one per device). */
    private final java.util.concurrent.ExecutorService dtlsClientPool = Executors.newFixedThreadPool(2);

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        IngestLoad load = new IngestLoad();
        if (args.length % 2 != 0 || java.util.Arrays.asList(args).contains("--help")) {
            System.out.println("usage: IngestLoad [--devices N] [--dtls-devices N] [--seconds S] [--concurrency C]"
                    + " [--only-size 6|20] [--only-transport coap|dtls] [--max-batch N] [--loops closed|open|both] [--rate R]"
                    + " [--checkpoint-writes N]"
                    + "   (run with -Xmx5g for 2,000 DTLS devices)");
            System.exit(args.length % 2 != 0 && !java.util.Arrays.asList(args).contains("--help") ? 2 : 0);
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--only-transport")) {
                load.onlyTransport = args[i + 1];
                continue;
            }
            if (args[i].equals("--loops")) {
                load.loops = args[i + 1];
                if (!List.of("closed", "open", "both").contains(load.loops)) {
                    throw new IllegalArgumentException("--loops takes closed, open or both, got " + load.loops);
                }
                continue;
            }
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--devices" -> load.devices = v;
                case "--dtls-devices" -> load.dtlsDevices = v;
                case "--seconds" -> load.seconds = v;
                case "--concurrency" -> load.concurrency = v;
                case "--only-size" -> load.onlySize = v;
                case "--max-batch" -> load.maxBatch = v;
                case "--rate" -> load.rate = v;
                case "--checkpoint-writes" -> load.checkpointWrites = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        load.run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("fieldlink-ingest-load");
        System.out.printf("devices %d (plain), %d (DTLS), %d s per phase, %d in flight, checkpoint every %d writes or %s,"
                + " %d cores, %s%n", devices, dtlsDevices, seconds, concurrency, checkpointWrites,
                HostConfig.INGEST_CHECKPOINT_INTERVAL.defaultValue(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        HostConfig hostConfig = HostConfig.defaults().with(HostConfig.UDP_RECEIVE_BUFFER, RECEIVE_BUFFER)
                .with(HostConfig.INGEST_QUEUE, 100_000).with(HostConfig.INGEST_MAX_BATCH, maxBatch)
                .with(HostConfig.INGEST_CHECKPOINT_WRITES, checkpointWrites);
        try (HostServer host = HostServer.builder().dataDir(dir).config(hostConfig).bindAddress("127.0.0.1").httpPort(0)
                .coapsPort(0).insecureCoap(0).build().start()) {
            this.host = host;
            long t0 = System.nanoTime();
            // provisioned 8 at a time: the committer groups concurrent provisionings into one commit
            java.util.concurrent.ExecutorService provisioners = Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<byte[]>> provisioned = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                String id = "d" + i;
                provisioned.add(provisioners.submit(() -> HostFixture.provision(host, id, "meter")));
            }
            for (java.util.concurrent.Future<byte[]> f : provisioned) {
                f.get();
            }
            provisioners.shutdown();
            System.out.printf("provisioned %d devices over HTTP in %.1f s%n", devices, (System.nanoTime() - t0) / 1e9);
            List<Device> all = host.registry().all();
            CoapServer bare = bareServer(all);
            bare.start();
            int barePlain = bare.getEndpoints().get(0).getAddress().getPort();
            int bareDtls = bare.getEndpoints().get(1).getAddress().getPort();
            // several plain sockets: one endpoint's 65,536 message ids run out within seconds against the bare server
            List<CoapEndpoint> plain = new ArrayList<>();
            for (int i = 0; i < PLAIN_SOCKETS; i++) {
                plain.add(plainEndpoint());
            }
            List<CoapEndpoint> dtlsToHost = dtlsEndpoints(host);
            // one connector per device, holding a session to each server
            List<CoapEndpoint> dtlsToBare = dtlsToHost;
            for (boolean open : new boolean[] {false, true}) {
                if (loops.equals(open ? "closed" : "open")) {
                    continue;
                }
                System.out.println(open ? "\nopen loop: fixed offered rate, same for both targets" : "\nclosed loop: "
                        + concurrency + " in flight");
                System.out.println("| target | transport | records/batch | " + (open ? "offered/s | " : "")
                        + "uplinks/s | records/s | rate ÷ bare | p50 ms | p99 ms"
                        + " | server CPU ms / 1000 uplinks | server CPU µs / record | server CPU ÷ bare | committer CPU ms / 1000"
                        + " | process CPU ms / 1000 | failed | UDP rcvbuf drops |");
                System.out.println(open ? "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
                        : "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
                for (int size : new int[] {6, 20}) {
                    if (onlySize != 0 && size != onlySize) {
                        continue;
                    }
                    if (onlyTransport == null || onlyTransport.equals("coap")) {
                        int r = open ? (rate > 0 ? rate : ANCHOR_PLAIN_RATE) : 0;
                        phase("bare", "coap", size, plain, barePlain, devices, r);
                        phase("host", "coap", size, plain, host.coapPort(), devices, r);
                    }
                    if (onlyTransport == null || onlyTransport.equals("dtls")) {
                        int r = open ? (rate > 0 ? rate : ANCHOR_DTLS_RATE) : 0;
                        phase("bare", "dtls", size, dtlsToBare, bareDtls, dtlsDevices, r);
                        phase("host", "dtls", size, dtlsToHost, host.coapsPort(), dtlsDevices, r);
                    }
                }
            }
            plain.forEach(CoapEndpoint::destroy);
            dtlsToHost.forEach(CoapEndpoint::destroy);
            bare.destroy();
            commitStats.forEach(System.out::println);
            System.out.printf("alerts raised during the run: %d (%d open)%n",
                    host.foresight().alerts().list(null, null, Integer.MAX_VALUE).size(),
                    host.foresight().alerts().list(io.fieldlink.host.alert.AlertState.OPEN, null, Integer.MAX_VALUE).size());
            System.out.printf("host store: %d bytes (ingest log now %d bytes), %d uplinks, %d records, %d duplicates rejected%n",
                    Files.size(dir.resolve("host.db")), logBytes(dir.resolve("ingest-log")), host.metrics().uplinks(), host.metrics().records(),
                    host.metrics().rejects("record"));
        } finally {
            clientMain.shutdownNow();
            clientAux.shutdownNow();
            dtlsClientPool.shutdownNow();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long logBytes(Path logDir) throws java.io.IOException {
        if (!Files.isDirectory(logDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(logDir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Each target has its own seq counters, so the host sees every device's seqs without gaps. */
    private final AtomicLong[] hostSeqs = new AtomicLong[100_000];
    private final AtomicLong[] bareSeqs = new AtomicLong[100_000];
    private volatile AtomicLong[] seqs;

    private byte[] batch(int device, int size) {
        AtomicLong s = seqs[device];
        long first = s.getAndAdd(size);
        List<UplinkRecord> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long seq = first + i;
            SenmlPack p = new SenmlPack();
            p.add().baseName("m:").name("voltage").unit("V").value(229.5 + (seq % 7));
            p.add().name("current").unit("A").value(1.25);
            p.add().name("energy").unit("Wh").sum(1000 + seq);
            records.add(UplinkRecord.telemetry(seq, BASE_MS + seq * 1000, p));
        }
        return new UplinkBatch(records).encode();
    }

    /** @param offered requests/s for an open loop, 0 for the closed loop */
    private void phase(String target, String transport, int size, List<CoapEndpoint> endpoints, int port, int deviceCount,
            int offered) throws InterruptedException {
        seqs = target.equals("host") ? hostSeqs : bareSeqs;
        for (int i = 0; i < deviceCount; i++) {
            if (seqs[i] == null) {
                seqs[i] = new AtomicLong(1);
            }
        }
        boolean dtls = transport.equals("dtls");
        String scheme = dtls ? "coaps" : "coap";
        // warm-up: every DTLS session handshakes before timing starts
        runLoad(endpoints, scheme, port, size, deviceCount, dtls ? Math.max(2, deviceCount / 50) : 2, dtls, null);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        boolean isHost = target.equals("host");
        List<String> prefixes = isHost ? List.of("CoapServer(", "fieldlink-committer") : List.of("bare-");
        long cpu0 = os.getProcessCpuTime();
        long committer0 = threadCpu(List.of("fieldlink-committer"), -1);
        long alerts0 = threadCpu(List.of("fieldlink-alerts"), -1);
        long server0 = threadCpu(prefixes, port);
        io.fieldlink.host.store.Committer committerOf = host == null ? null : host.committer();
        long commits0 = committerOf == null ? 0 : committerOf.commits();
        long commitNanos0 = committerOf == null ? 0 : committerOf.commitNanos();
        long applyNanos0 = committerOf == null ? 0 : committerOf.applyNanos();
        long writes0 = committerOf == null ? 0 : committerOf.committedWrites();
        long checkpoints0 = committerOf == null ? 0 : committerOf.checkpoints();
        long checkpointNanos0 = committerOf == null ? 0 : committerOf.checkpointNanos();
        long logNanos0 = committerOf == null ? 0 : committerOf.logNanos();
        long logBytes0 = committerOf == null ? 0 : committerOf.logBytes();
        long aheadNanos0 = committerOf == null ? 0 : committerOf.writeAheadNanos();
        long drops0 = udpReceiveBufferErrors();
        long[] latencies = new long[4_000_000];
        Result r = offered > 0 ? runOpen(endpoints, scheme, port, size, deviceCount, seconds, dtls, latencies, offered)
                : runLoad(endpoints, scheme, port, size, deviceCount, seconds, dtls, latencies);
        long drops = udpReceiveBufferErrors() - drops0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long committer = threadCpu(List.of("fieldlink-committer"), -1) - committer0;
        long alerts = threadCpu(List.of("fieldlink-alerts"), -1) - alerts0;
        long server = threadCpu(prefixes, port) - server0;
        if (isHost && committerOf != null) {
            long commits = committerOf.commits() - commits0;
            long checkpoints = committerOf.checkpoints() - checkpoints0;
            if (commits > 0) {
                commitStats.add(String.format("%s %s %s %d: %d durable groups, %.0f writes each, %.1f ms applying + %.1f ms"
                        + " making durable each (of which %.1f ms ingest log append + fsync, %.0f KB) + %.1f ms writing ahead of the"
                        + " checkpoint; %d checkpoints, %.0f ms each;"
                        + " alert evaluation thread (not in server CPU) %.1f ms / 1000 uplinks",
                        offered > 0 ? "open" : "closed", target, transport, size, commits,
                        (committerOf.committedWrites() - writes0) / (double) commits,
                        (committerOf.applyNanos() - applyNanos0) / 1e6 / commits,
                        (committerOf.commitNanos() - commitNanos0) / 1e6 / commits,
                        (committerOf.logNanos() - logNanos0) / 1e6 / commits,
                        (committerOf.logBytes() - logBytes0) / 1024.0 / commits,
                        (committerOf.writeAheadNanos() - aheadNanos0) / 1e6 / commits, checkpoints,
                        checkpoints == 0 ? 0.0 : (committerOf.checkpointNanos() - checkpointNanos0) / 1e6 / checkpoints,
                        r.count == 0 ? 0.0 : alerts / 1e6 / r.count * 1000));
            }
        }
        Arrays.sort(latencies, 0, r.count);
        double perSec = r.count / r.elapsedSeconds;
        double serverPerUplink = r.count == 0 ? 0 : server / 1e6 / r.count * 1000;
        String key = transport + size + (offered > 0 ? "open" : "");
        String ratio = "-";
        if (isHost && bareServerCpu.containsKey(key) && bareServerCpu.get(key) > 0) {
            ratio = String.format("%.2f", serverPerUplink / bareServerCpu.get(key));
        } else if (!isHost) {
            bareServerCpu.put(key, serverPerUplink);
        }
        String rate = "-";
        if (isHost && bareRate.containsKey(key)) {
            rate = String.format("%.2f", perSec / bareRate.get(key));
        } else if (!isHost) {
            bareRate.put(key, perSec);
        }
        System.out.printf("| %s | %s | %d | %s%.0f | %.0f | %s | %.2f | %.2f | %.1f | %.1f | %s | %s | %.0f | %d | %d |%n", target,
                transport, size, offered > 0 ? offered + " | " : "", perSec, perSec * size, rate, pct(latencies, r.count, 0.50),
                pct(latencies, r.count, 0.99),
                serverPerUplink, r.count == 0 ? 0.0 : server / 1e3 / r.count / size, ratio,
                isHost && r.count > 0 ? String.format("%.0f", committer / 1e6 / r.count * 1000) : "-",
                r.count == 0 ? 0.0 : cpu / 1e6 / r.count * 1000, r.failed, drops);
    }

    private final java.util.Map<String, Double> bareServerCpu = new java.util.HashMap<>();
    private final List<String> commitStats = new ArrayList<>();
    private HostServer host;
    private final java.util.Map<String, Double> bareRate = new java.util.HashMap<>();

    private static double pct(long[] sorted, int n, double p) {
        return n == 0 ? 0 : sorted[Math.min(n - 1, (int) (n * p))] / 1e6;
    }

    /**
     * CPU time of the server's threads: those whose name starts with one of {@code prefixes} (its
     * executors, the committer) or names its port (Californium's UDP and DTLS connector threads).
     */
    private static long threadCpu(List<String> prefixes, int port) {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        java.util.regex.Pattern ofPort = java.util.regex.Pattern.compile(":" + port + "(\\D|$)");
        long sum = 0;
        for (ThreadInfo i : t.dumpAllThreads(false, false)) {
            String name = i.getThreadName();
            boolean mine = port > 0 && ofPort.matcher(name).find();
            for (String p : prefixes) {
                mine |= name.startsWith(p);
            }
            if (mine) {
                sum += Math.max(0, t.getThreadCpuTime(i.getThreadId()));
            }
        }
        return sum;
    }

    private record Result(int count, int failed, double elapsedSeconds) {
    }

    /** @return the machine's UDP receive-buffer drops so far ({@code RcvbufErrors}, /proc/net/snmp), -1 when unknown */
    private static long udpReceiveBufferErrors() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
                    List<String> names = List.of(lines.get(i).trim().split("\\s+"));
                    String[] values = lines.get(i + 1).trim().split("\\s+");
                    int at = names.indexOf("RcvbufErrors");
                    return at < 0 ? -1 : Long.parseLong(values[at]);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Offers {@code offered} requests/s for {@code secs} seconds, round-robin over the devices, each
     * sent on schedule whether or not earlier ones were answered; then waits (bounded) for the last
     * answers. The achieved rate is answers per second from the first request to the last answer;
     * {@code failed} counts requests refused or never answered.
     */
    private Result runOpen(List<CoapEndpoint> endpoints, String scheme, int port, int size, int deviceCount, int secs,
            boolean dtls, long[] latencies, int offered) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(secs);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger outstanding = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong(start);
        long sent = 0;
        int next = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                break;
            }
            long due = (long) ((now - start) / 1e9 * offered);
            while (sent < due) {
                sendOnce(endpoints, scheme, port, size, next, dtls, latencies, done, failed, outstanding, lastAnswer);
                next = (next + 1) % deviceCount;
                sent++;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(500_000L);
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (outstanding.get() > 0 && System.nanoTime() < waitUntil) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        int count = Math.min(done.get(), latencies.length);
        return new Result(count, failed.get() + outstanding.get(), Math.max(secs, (lastAnswer.get() - start) / 1e9));
    }

    private void sendOnce(List<CoapEndpoint> endpoints, String scheme, int port, int size, int device, boolean dtls,
            long[] latencies, AtomicInteger done, AtomicInteger failed, AtomicInteger outstanding, AtomicLong lastAnswer) {
        CoapEndpoint ep = endpoints.get(device % endpoints.size());
        Request req = Request.newPost();
        req.setURI(scheme + "://127.0.0.1:" + port + "/up" + (dtls ? "" : "?d=d" + device));
        req.setPayload(batch(device, size));
        req.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_CBOR);
        long t0 = System.nanoTime();
        outstanding.incrementAndGet();
        req.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onResponse(Response response) {
                long now = System.nanoTime();
                if (response.getCode() == ResponseCode.CHANGED) {
                    int i = done.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[i] = now - t0;
                    }
                    lastAnswer.accumulateAndGet(now, Math::max);
                } else if (failed.incrementAndGet() == 1) {
                    System.out.println("first refusal: " + response.getCode() + " " + response.getPayloadString());
                }
                outstanding.decrementAndGet();
            }

            @Override
            protected void failed() {
                failed.incrementAndGet();
                outstanding.decrementAndGet();
            }
        });
        ep.sendRequest(req);
    }

    /** Runs a closed loop for {@code secs} seconds; latencies recorded when the array is given. */
    private Result runLoad(List<CoapEndpoint> endpoints, String scheme, int port, int size, int deviceCount, int secs,
            boolean dtls, long[] latencies) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(secs);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch slots = new CountDownLatch(concurrency);
        for (int s = 0; s < concurrency; s++) {
            send(endpoints, scheme, port, size, deviceCount, dtls, deadline, latencies, done, failed, next, slots);
        }
        slots.await(secs + 60L, TimeUnit.SECONDS);
        return new Result(Math.min(done.get(), latencies == null ? done.get() : latencies.length), failed.get(),
                (System.nanoTime() - start) / 1e9);
    }

    private void send(List<CoapEndpoint> endpoints, String scheme, int port, int size, int deviceCount, boolean dtls,
            long deadline, long[] latencies, AtomicInteger done, AtomicInteger failed, AtomicInteger next,
            CountDownLatch slots) {
        if (System.nanoTime() >= deadline) {
            slots.countDown();
            return;
        }
        int device = Math.floorMod(next.getAndIncrement(), deviceCount);
        CoapEndpoint ep = endpoints.get(device % endpoints.size());
        Request req = Request.newPost();
        req.setURI(scheme + "://127.0.0.1:" + port + "/up" + (dtls ? "" : "?d=d" + device));
        req.setPayload(batch(device, size));
        req.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_CBOR);
        long t0 = System.nanoTime();
        req.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onResponse(Response response) {
                if (response.getCode() == ResponseCode.CHANGED) {
                    int i = done.getAndIncrement();
                    if (latencies != null && i < latencies.length) {
                        latencies[i] = System.nanoTime() - t0;
                    }
                } else if (failed.incrementAndGet() == 1) {
                    System.out.println("first refusal: " + response.getCode() + " " + response.getPayloadString());
                }
                send(endpoints, scheme, port, size, deviceCount, dtls, deadline, latencies, done, failed, next, slots);
            }

            @Override
            public void onSendError(Throwable error) {
                if (failed.get() == 0) {
                    System.out.println("first send error: " + error);
                }
                super.onSendError(error);
            }

            @Override
            protected void failed() {
                failed.incrementAndGet();
                send(endpoints, scheme, port, size, deviceCount, dtls, deadline, latencies, done, failed, next, slots);
            }
        });
        ep.sendRequest(req);
    }

    private static Configuration config(DtlsConfig.DtlsRole role) {
        Configuration cf = HostFixture.clientConfig();
        cf.set(DtlsConfig.DTLS_ROLE, role);
        cf.setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8);
        cf.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        cf.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        cf.set(CoapConfig.MAX_RETRANSMIT, 4);
        // a client talks to two servers; only the bare server needs room for every device
        boolean server = role == DtlsConfig.DtlsRole.SERVER_ONLY;
        cf.set(CoapConfig.MAX_ACTIVE_PEERS, server ? 100_000 : 16);
        cf.set(DtlsConfig.DTLS_MAX_CONNECTIONS, server ? 100_000 : 16);
        cf.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 16 * 1024 * 1024);
        // a 20-record batch (~1.3 KB) goes in one datagram, as the firmware sends it
        cf.set(CoapConfig.MAX_MESSAGE_SIZE, 4096);
        if (server) {
            // as the host: a few exchanges per peer, not every exchange for 247 s (gigabytes at this rate)
            cf.set(CoapConfig.DEDUPLICATOR, CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP);
            cf.set(CoapConfig.PEERS_MARK_AND_SWEEP_MESSAGES, HostConfig.COAP_DEDUP_PER_PEER.defaultValue());
            cf.set(org.eclipse.californium.elements.config.UdpConfig.UDP_RECEIVE_BUFFER_SIZE, RECEIVE_BUFFER);
            cf.set(DtlsConfig.DTLS_RECEIVE_BUFFER_SIZE, RECEIVE_BUFFER);
        }
        return cf;
    }

    private CoapEndpoint plainEndpoint() {
        CoapEndpoint ep = new CoapEndpoint.Builder().setConfiguration(config(DtlsConfig.DtlsRole.CLIENT_ONLY))
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        ep.setExecutors(clientMain, clientAux);
        start(ep);
        return ep;
    }

    private List<CoapEndpoint> dtlsEndpoints(HostServer host) {
        List<CoapEndpoint> list = new ArrayList<>();
        for (int i = 0; i < dtlsDevices; i++) {
            Device d = host.registry().find("d" + i).orElseThrow();
            Configuration cf = config(DtlsConfig.DtlsRole.CLIENT_ONLY);
            DtlsConnectorConfig dc = DtlsConnectorConfig.builder(cf).setAddress(new InetSocketAddress("127.0.0.1", 0))
                    .setAdvancedPskStore(new AdvancedSinglePskStore(d.id(), d.psk())).build();
            DTLSConnector connector = new DTLSConnector(dc);
            connector.setExecutor(dtlsClientPool);
            CoapEndpoint ep = new CoapEndpoint.Builder().setConfiguration(cf).setConnector(connector).build();
            ep.setExecutors(clientMain, clientAux);
            start(ep);
            list.add(ep);
        }
        return list;
    }

    private static void start(CoapEndpoint ep) {
        try {
            ep.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start a client endpoint", e);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A Californium server that answers {@code up} with 2.04 and a fixed Ack, storing nothing. */
    private static CoapServer bareServer(List<Device> devices) {
        Configuration cf = config(DtlsConfig.DtlsRole.SERVER_ONLY);
        AdvancedMultiPskStore psks = new AdvancedMultiPskStore();
        for (Device d : devices) {
            psks.setKey(d.id(), d.psk());
        }
        CoapServer server = new CoapServer(cf);
        // own executors, so the bare server's threads can be told from the host's (same sizes as the defaults)
        int threads = cf.get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT);
        server.setExecutors(Executors.newScheduledThreadPool(threads, named("bare-main#")),
                Executors.newSingleThreadScheduledExecutor(named("bare-secondary#")), false);
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(cf)
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build());
        DtlsConnectorConfig dc = DtlsConnectorConfig.builder(cf).setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(psks).build();
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(cf).setConnector(new DTLSConnector(dc)).build());
        server.add(new CoapResource("up") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(ResponseCode.CHANGED, BARE_ACK, MediaTypeRegistry.APPLICATION_CBOR);
            }
        });
        return server;
    }
}
