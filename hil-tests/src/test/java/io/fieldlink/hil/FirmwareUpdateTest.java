package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.firmware.hal.memory.MemoryActuators;
import io.fieldlink.firmware.hal.memory.MemoryLog;
import io.fieldlink.firmware.hal.memory.MemorySensors;
import io.fieldlink.firmware.hal.memory.MemorySerialConsole;
import io.fieldlink.firmware.jvm.crypto.BouncyCastleHalCrypto;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.jvm.net.DtlsTransport;
import io.fieldlink.firmware.jvm.storage.FileStorage;
import io.fieldlink.firmware.jvm.update.BootSelector;
import io.fieldlink.firmware.jvm.update.FileFirmwareSlots;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.meter.MeterApp;
import io.fieldlink.firmware.update.UpdateAgent;
import io.fieldlink.firmware.update.UpdateOptions;
import io.fieldlink.firmware.update.UpdatingUplinkFactory;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.host.HostServer;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.TrustedKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A firmware update end to end: the real host (image registered through its HTTP API, manifest
 * signed by its issuer key, served over CoAPS with Block2), and a meter on the JVM bindings (DTLS,
 * file storage, {@link FileFirmwareSlots} and the {@link BootSelector} between its "process starts")
 * that downloads, checks, installs, switches and reports to the host. A second variant installs an
 * image that never reaches the host when booted, and the board rolls back.
 *
 * <p>Command delivery: the operator rolls the image out with {@code POST /api/firmware/{version}/rollout};
 * the host's command outbox carries the command on its answers to the board's hello and up requests.
 */
class FirmwareUpdateTest {

    @TempDir
    Path dir;

    private HostServer host;
    private Process process;
    private final List<String> booted = new ArrayList<>();

    /** One start of the board "process": selector, storage, slots, two DTLS sessions, board. */
    private final class Process implements AutoCloseable {
        final BoardLoopThread loop;
        final DtlsTransport uplink;
        final DtlsTransport download;
        final FileStorage storage;
        final CoapUplinkFactory uplinks;
        final AtomicBoolean restartRequested = new AtomicBoolean();
        final String version;

        Process(byte[] psk, IssuerKeys issuers) throws IOException {
            Path slotsDir = dir.resolve("board").resolve("firmware");
            Path jar = BootSelector.select(slotsDir);
            version = FileFirmwareSlots.load(slotsDir).runningVersion();
            booted.add(version);
            boolean broken = new String(Files.readAllBytes(jar), 0, 6, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("BROKEN");
            SystemClock clock = new SystemClock();
            loop = new BoardLoopThread("meter-1", clock);
            int coaps = broken ? deadPort() : host.coapsPort();
            uplink = DtlsTransport.start(new InetSocketAddress("127.0.0.1", coaps), "meter-1", psk, loop);
            download = DtlsTransport.start(new InetSocketAddress("127.0.0.1", host.coapsPort()), "meter-1", psk, loop);
            Map<String, Integer> layout = new LinkedHashMap<>();
            layout.put("journal", 64 * 1024);
            layout.put("snapshot", 4096);
            layout.put("settings", 4096);
            storage = FileStorage.open(dir.resolve("board").resolve("storage"), layout);
            FileFirmwareSlots slots = new FileFirmwareSlots(slotsDir, 1 << 20, () -> restartRequested.set(true));
            UpdateAgent agent = new UpdateAgent(slots, issuers, download,
                    new UpdateOptions().trialBoots(2).healthTimeoutMillis(3_000).checkEveryMillis(200).restartDelayMillis(300));
            uplinks = new CoapUplinkFactory(issuers, new UplinkOptions().reportIntervalMillis(1_000).debounceMillis(200)
                    .backoffBaseMillis(1_000).backoffCapMillis(2_000));
            MemorySensors sensors = new MemorySensors();
            sensors.set("voltage", 2300).set("current", 21_700).set("power_factor", 1000).set("frequency", 5000)
                    .set("active_power", 5000).set("energy", 0).set("tamper", 0);
            Board board = Board.builder().definition(BoardLoader.builtIn("meter"))
                    .app(new MeterApp(new TokenVerifier(BouncyCastleCrypto.INSTANCE, new TrustedKeys()), 1_000))
                    .deviceId("meter-1").firmwareVersion(version).clock(clock).storage(storage).transport(uplink)
                    .console(new MemorySerialConsole()).sensors(sensors).actuators(new MemoryActuators().add("relay").add("buzzer"))
                    .crypto(BouncyCastleHalCrypto.INSTANCE).log(new MemoryLog(256))
                    .uplink(new UpdatingUplinkFactory(uplinks, agent)).samplePeriodMillis(200).build();
            loop.start(board.loop());
            loop.call(() -> {
                board.boot();
                return null;
            }).join();
        }

        @Override
        public void close() {
            loop.close();
            uplink.close();
            download.close();
            storage.close();
        }
    }

    private static int deadPort() throws IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private Map<String, Object> http(String method, String path, String body) {
        return OperatorApi.call(host, method, path, body);
    }

    private byte[] start(byte[] factoryJar) throws IOException {
        host = HostServer.builder().dataDir(dir.resolve("host")).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
        Map<String, Object> device = http("POST", "/api/devices", "{\"id\":\"meter-1\",\"board\":\"meter\"}");
        Path factory = Files.write(dir.resolve("factory.jar"), factoryJar);
        FileFirmwareSlots.install(dir.resolve("board").resolve("firmware"), "1.0.0", factory);
        return HexFormat.of().parseHex((String) device.get("psk"));
    }

    @SuppressWarnings("unchecked")
    private IssuerKeys trustedIssuers() {
        IssuerKeys keys = new IssuerKeys();
        for (Object o : (List<Object>) http("GET", "/api/issuer-keys", null).get("keys")) {
            Map<String, Object> k = (Map<String, Object>) o;
            keys.add(HexFormat.of().parseHex((String) k.get("kid")), Base64.getUrlDecoder().decode((String) k.get("x")));
        }
        return keys;
    }

    private void register(String version, byte[] image) {
        http("POST", "/api/firmware", "{\"version\":\"" + version + "\",\"image\":\""
                + Base64.getEncoder().encodeToString(image) + "\"}");
    }

    private void rollOut(String version) {
        assertThat(http("POST", "/api/firmware/" + version + "/rollout", "{\"devices\":[\"meter-1\"]}").toString())
                .contains("meter-1");
    }

    private static byte[] jar(String marker, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 7 + (i >> 9));
        }
        byte[] m = marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(m, 0, b, 0, m.length);
        return b;
    }

    private String updateState() {
        Object update = http("GET", "/api/devices/meter-1/firmware", null).get("update");
        return update == null ? "" : ((Map<?, ?>) update).get("state") + " " + ((Map<?, ?>) update).get("version");
    }

    /** Runs board processes (restarting on request) until {@code done}. */
    private void runUntil(String what, byte[] psk, IssuerKeys issuers, BooleanSupplier done) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what + "; booted " + booted + ", host shows '"
                        + updateState() + "'");
            }
            if (process.restartRequested.get()) {
                process.close();
                process = new Process(psk, issuers);
            }
            Await.pause();
        }
    }

    @Test
    void aMeterDownloadsInstallsAndConfirmsANewImageFromTheHost() throws Exception {
        byte[] psk = start(jar("GOOD-1.0.0", 3_000));
        IssuerKeys issuers = trustedIssuers();
        process = new Process(psk, issuers);
        register("1.1.0", jar("GOOD-1.1.0", 40_000));
        runUntil("the meter said hello", psk, issuers,
                () -> host.registry().find("meter-1").map(d -> "1.0.0".equals(d.firmware())).orElse(false));

        rollOut("1.1.0");

        runUntil("the host shows 1.1.0 healthy", psk, issuers, () -> updateState().equals("healthy 1.1.0"));
        assertThat(booted).containsExactly("1.0.0", "1.1.0");
        assertThat(host.registry().find("meter-1").orElseThrow().firmware()).isEqualTo("1.1.0");
        assertThat(Files.readAllBytes(dir.resolve("board/firmware/slot-B.jar"))).isEqualTo(jar("GOOD-1.1.0", 40_000));
        assertThat(FileFirmwareSlots.load(dir.resolve("board/firmware")).onTrial()).isFalse();
        assertThat(http("GET", "/api/firmware", null).toString()).contains("healthy");
    }

    @Test
    void anImageThatNeverReportsHealthyIsRolledBack() throws Exception {
        byte[] psk = start(jar("GOOD-1.0.0", 3_000));
        IssuerKeys issuers = trustedIssuers();
        process = new Process(psk, issuers);
        register("2.0.0", jar("BROKEN-2.0.0", 10_000));
        runUntil("the meter said hello", psk, issuers,
                () -> host.registry().find("meter-1").map(d -> d.bootCount() >= 1).orElse(false));

        rollOut("2.0.0");

        runUntil("the host shows 2.0.0 rolled back", psk, issuers, () -> updateState().equals("rolled-back 2.0.0"));
        assertThat(booted).containsExactly("1.0.0", "2.0.0", "2.0.0", "1.0.0");
        assertThat(host.registry().find("meter-1").orElseThrow().firmware()).isEqualTo("1.0.0");
        assertThat(http("GET", "/api/devices/meter-1/firmware", null).toString()).contains("not healthy within 2 boots");
    }
}
