package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.jvm.gpio.PinMap;
import io.fieldlink.firmware.jvm.pack.ImagePackager;
import io.fieldlink.firmware.jvm.runner.BoardProcess;
import io.fieldlink.firmware.jvm.runner.BoardRunner;
import io.fieldlink.firmware.jvm.runner.RunnerSettings;
import io.fieldlink.firmware.jvm.storage.FileStorage;
import io.fieldlink.firmware.jvm.testing.PtyPair;
import io.fieldlink.firmware.jvm.update.BootSelector;
import io.fieldlink.firmware.jvm.update.FileFirmwareSlots;
import io.fieldlink.host.HostServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real board runner ({@link BoardProcess}, as {@code fieldlink board} runs it) takes a firmware
 * update from the real host: the board is provisioned in its settings, its data directory holds
 * firmware slots with the factory image (as a packaged image's install sets up), the operator
 * packages a new build ({@code board package}: the jar and its signed firmware manifest), registers
 * it with the package's upload body and rolls it out through the host's HTTP API, the command rides on the host's
 * answers, the board downloads, checks and installs it and ends its run with
 * {@link BoardProcess.Outcome#RESTART} (the process exits non-zero for systemd); the boot selector
 * picks the new slot, the next start reports the new version and confirms it healthy. Over DTLS, and
 * over plain CoAP (host with --insecure-coap), where every request names the device with {@code ?d=}.
 */
class BoardRunnerUpdateTest {

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    private HostServer host;
    private PtyPair pty;
    private BoardProcess process;
    private final List<CompletableFuture<BoardProcess.Outcome>> runs = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (process != null) {
            process.stop();
        }
        for (CompletableFuture<BoardProcess.Outcome> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        if (pty != null) {
            pty.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @ParameterizedTest(name = "secure={0}")
    @ValueSource(booleans = {true, false})
    void theRunnerInstallsAnImageRolledOutByTheHostAndBootsItThroughTheSelector(boolean secure) throws Exception {
        HostServer.Builder b = HostServer.builder().dataDir(dir.resolve("host")).bindAddress("127.0.0.1").httpPort(0)
                .coapsPort(0);
        host = (secure ? b : b.insecureCoap(0)).build().start();
        String psk = (String) http("POST", "/api/devices", "{\"id\":\"meter-1\",\"board\":\"meter\"}").get("psk");
        Path data = dir.resolve("board");
        provision(data, psk, (secure ? "coaps://127.0.0.1:" + host.coapsPort() : "coap://127.0.0.1:" + host.coapPort()));
        Path slots = data.resolve(BoardRunner.FIRMWARE_DIR);
        FileFirmwareSlots.install(slots, "1.0.0", Files.write(dir.resolve("factory.jar"), jar("GOOD-1.0.0", 3_000)));
        pty = PtyPair.open(dir);
        RunnerSettings settings = new RunnerSettings(BoardLoader.builtIn("meter"), data, null, null, null, pty.a.toString(),
                115_200, null, 500, PinMap.none(), PinMap.none(), Map.of(), Map.of("report_interval", "1s"), List.of(), 1_000);
        // (the meter's reading packs wait for its report, and the rollout rides on the report's answer)

        assertThat(BootSelector.select(slots).getFileName().toString()).isEqualTo("slot-A.jar");
        CompletableFuture<BoardProcess.Outcome> first = run(settings);
        await("the board said hello as 1.0.0", () -> "1.0.0".equals(firmwareOnHost()));

        // the new build is packaged (signed with the host's issuer key) and its upload body posted as is
        Path build = Files.createDirectories(dir.resolve("build"));
        Files.write(build.resolve("fieldlink-firmware-jvm.jar"), jar("GOOD-1.1.0", 20_000));
        ImagePackager.build(build.resolve("fieldlink-firmware-jvm.jar"), null, "meter", "[board]\n", "1.1.0",
                host.billing().keyring().active().pair(), dir.resolve("image"));
        http("POST", "/api/firmware", Files.readString(dir.resolve("image").resolve(ImagePackager.UPLOAD)));
        assertThat(http("POST", "/api/firmware/1.1.0/rollout", "{\"devices\":[\"meter-1\"]}").toString()).contains("meter-1");

        assertThat(first.get(60, TimeUnit.SECONDS)).as("the run ends for the service manager to restart it")
                .isEqualTo(BoardProcess.Outcome.RESTART);
        assertThat(BootSelector.select(slots).getFileName().toString()).isEqualTo("slot-B.jar");
        assertThat(Files.readAllBytes(slots.resolve("slot-B.jar"))).isEqualTo(jar("GOOD-1.1.0", 20_000));
        assertThat(FileFirmwareSlots.load(slots).onTrial()).isTrue();

        run(settings);
        await("the host shows 1.1.0 healthy", () -> updateState().equals("healthy 1.1.0") && "1.1.0".equals(firmwareOnHost()));
        await("the slot is confirmed", () -> {
            try {
                return !FileFirmwareSlots.load(slots).onTrial();
            } catch (IOException e) {
                return false;
            }
        });
    }

    private CompletableFuture<BoardProcess.Outcome> run(RunnerSettings settings) throws IOException {
        BoardProcess p = new BoardProcess(settings);
        p.start();
        process = p;
        CompletableFuture<BoardProcess.Outcome> run = CompletableFuture.supplyAsync(() -> {
            try {
                return p.runUntilStopped();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        runs.add(run);
        return run;
    }

    /** Stores what {@code fieldlink ctl provision} gives a board: id, PSK, host and the host's issuer keys. */
    @SuppressWarnings("unchecked")
    private void provision(Path data, String psk, String hostUri) throws IOException {
        List<String> issuers = new ArrayList<>();
        for (Object o : (List<Object>) http("GET", "/api/issuer-keys", null).get("keys")) {
            Map<String, Object> k = (Map<String, Object>) o;
            issuers.add(k.get("kid") + ":" + HexFormat.of().formatHex(Base64.getUrlDecoder().decode((String) k.get("x"))));
        }
        try (FileStorage storage = FileStorage.open(data, RunnerSettings.STORAGE_LAYOUT)) {
            Settings settings = new Settings(storage.area("settings"));
            settings.put("provision.id", "meter-1");
            settings.put("provision.psk", psk);
            settings.put("provision.host", hostUri);
            settings.put("provision.issuers", String.join(",", issuers));
            settings.commit();
        }
    }

    private String firmwareOnHost() {
        return host.registry().find("meter-1").map(d -> d.firmware()).orElse(null);
    }

    private String updateState() {
        Object update = http("GET", "/api/devices/meter-1/firmware", null).get("update");
        return update == null ? "" : ((Map<?, ?>) update).get("state") + " " + ((Map<?, ?>) update).get("version");
    }

    private void await(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what + "; host shows '" + updateState() + "'");
            }
            Await.pause();
        }
    }

    private Map<String, Object> http(String method, String path, String body) {
        return OperatorApi.call(host, method, path, body);
    }

    private static byte[] jar(String marker, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 13 + (i >> 8));
        }
        byte[] m = marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(m, 0, b, 0, m.length);
        return b;
    }
}
