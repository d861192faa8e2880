package io.fieldlink.fieldctl.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A pseudo-terminal pair made by socat: a real serial line for tests, its two ends as symlinks. */
final class PtyPair implements AutoCloseable {
    final Path a;
    final Path b;
    private final Process socat;

    private PtyPair(Path a, Path b, Process socat) {
        this.a = a;
        this.b = b;
        this.socat = socat;
    }

    static PtyPair open(Path dir) throws IOException, InterruptedException {
        Path a = dir.resolve("ttyA");
        Path b = dir.resolve("ttyB");
        Process socat;
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("socat is needed for serial tests (./fieldlink test installs it): " + e.getMessage(), e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!socat.isAlive() || Instant.now().isAfter(deadline)) {
                socat.destroyForcibly();
                throw new IOException("socat did not make a pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L); // poll, do not spin: two shared cores
        }
        return new PtyPair(a, b, socat);
    }

    @Override
    public void close() throws IOException {
        socat.destroy();
        try {
            if (!socat.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping socat", e);
        }
    }
}
