package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.firmware.jvm.pack.ImagePackager;
import io.fieldlink.firmware.jvm.runner.BoardFiles;
import io.fieldlink.firmware.jvm.update.FileFirmwareSlots;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a packaged image's {@code board-start.sh} as systemd would (with the image and data directory
 * moved by FIELDLINK_HOME and FIELDLINK_DATA): at the first start it installs the image's jar into
 * firmware slot A, the boot selector picks it, and the board runs from the slot jar with the image's
 * lib/, reporting the packaged version on its stdio console.
 */
class PackagedImageStartTest {
    @TempDir
    Path dir;

    private Process board;

    @AfterEach
    void stop() throws Exception {
        if (board != null && board.isAlive()) {
            board.destroy();
            if (!board.waitFor(20, TimeUnit.SECONDS)) {
                board.destroyForcibly();
            }
        }
    }

    @Test
    void theStartScriptInstallsTheFactorySlotAndRunsTheBoardFromIt() throws Exception {
        Path jar = Path.of(System.getProperty("fieldlink.root", "."), "firmware", "jvm", "target", "fieldlink-firmware-jvm.jar");
        assertThat(jar).as("mvn verify builds the board jar before this suite").isRegularFile();
        Path image = dir.resolve("image");
        ImagePackager.build(jar, jar.resolveSibling("lib"), "meter", BoardFiles.text("meter"), "3.0.0",
                IssuerKeyPair.fromSeed(new byte[32]), image);
        Path data = dir.resolve("data");

        ProcessBuilder pb = new ProcessBuilder("sh", image.resolve(ImagePackager.START).toString());
        pb.environment().put("FIELDLINK_HOME", image.toString());
        pb.environment().put("FIELDLINK_DATA", data.toString());
        pb.environment().put("FIELDLINK_CONSOLE", "stdio");
        pb.environment().put("FIELDLINK_ARGS", "--id m-7");
        pb.redirectError(dir.resolve("board.log").toFile());
        board = pb.start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(board.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (java.io.IOException e) {
                lines.add("read failed: " + e);
            }
        }, "board-stdout");
        reader.setDaemon(true);
        reader.start();

        OutputStream in = board.getOutputStream();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String found = null;
        while (found == null) {
            assertThat(Instant.now()).as("the board answers 'id' with its version; log: " + log()).isBefore(deadline);
            assertThat(board.isAlive()).as("the board runs; log: " + log()).isTrue();
            in.write("mode machine\nid\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            String line = lines.poll(1, TimeUnit.SECONDS);
            while (line != null && found == null) {
                if (line.contains("device=m-7")) {
                    found = line;
                }
                line = lines.poll();
            }
        }
        assertThat(found).contains("board=meter").contains("firmware=3.0.0");
        Path slots = data.resolve("firmware");
        assertThat(FileFirmwareSlots.load(slots).runningVersion()).isEqualTo("3.0.0");
        assertThat(Files.readAllBytes(slots.resolve("slot-A.jar"))).isEqualTo(Files.readAllBytes(jar));
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("board.log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
