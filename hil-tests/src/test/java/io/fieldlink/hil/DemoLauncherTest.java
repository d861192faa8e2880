package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies {@code ./fieldlink demo} as a new user runs it: it starts the host and a fleet, prints the
 * API address, serves {@code /health}, stops cleanly on SIGTERM, and a second run reuses the data
 * directory.
 */
class DemoLauncherTest {
    private static final Pattern HEALTH = Pattern.compile("health:\\s+(http://\\S+/health)");

    @TempDir
    Path dir;

    @Test
    void demoStartsServesHealthAndStopsOnSigterm() throws Exception {
        Path data = dir.resolve("demo");
        runOnce(data);
        assertThat(Files.exists(data.resolve("operator.key"))).isTrue();
        assertThat(Files.list(data.resolve("boards")).count()).as("boards saved for the next run").isGreaterThan(0);
        runOnce(data);
    }

    private void runOnce(Path data) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        ProcessBuilder pb = new ProcessBuilder(root.resolve("fieldlink").toString(), "demo", "--data", data.toString(),
                "--http-port", "0", "--coaps-port", "0", "--meters", "5", "--pumps", "1", "--wells", "1")
                .redirectErrorStream(true);
        // Inside the build the jars are fresh; never start a nested Maven build from a test.
        pb.environment().put("FIELDLINK_NO_BUILD", "1");
        Process p = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("(output closed: " + e + ")");
            }
        });
        reader.start();
        try {
            String health = null;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (health == null) {
                for (String l : lines) {
                    Matcher m = HEALTH.matcher(l);
                    if (m.find()) {
                        health = m.group(1);
                    }
                }
                assertThat(p.isAlive() || health != null).as("demo still running; output: %s", lines).isTrue();
                assertThat(Instant.now()).as("demo printed its address in time; output: %s", lines).isBefore(deadline);
                Await.pause();
            }
            HttpClient http = HttpClient.newHttpClient();
            int status = 0;
            while (status != 200) {
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create(health)).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (java.io.IOException e) {
                    status = -1;
                }
                assertThat(Instant.now()).as("/health answers 200 in time").isBefore(deadline);
            }
            // SIGTERM from outside (Process.destroy() would also close our end of its output)
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("demo stops after SIGTERM; output: %s", lines).isTrue();
            reader.join(10_000);
            assertThat(String.join("\n", lines)).contains("stopped");
        } finally {
            p.destroyForcibly();
        }
    }
}
