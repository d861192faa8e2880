package io.fieldlink.firmware.jvm.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat: a real serial line for tests, its two ends as symlinks
 * {@link #a} and {@link #b}. Shared through this module's test-jar (hil-tests uses it).
 */
public final class PtyPair implements AutoCloseable {
    /** One end. */
    public final Path a;
    /** The other end. */
    public final Path b;
    private final Process socat;

    private PtyPair(Path a, Path b, Process socat) {
        this.a = a;
        this.b = b;
        this.socat = socat;
    }

    /** Opens a pair with ends {@code dir/ttyA} and {@code dir/ttyB}. */
    public static PtyPair open(Path dir) throws IOException, InterruptedException {
        return open(dir, "tty");
    }

    /** Opens a pair with ends {@code dir/<prefix>A} and {@code dir/<prefix>B}. */
    public static PtyPair open(Path dir, String prefix) throws IOException, InterruptedException {
        Path a = dir.resolve(prefix + "A");
        Path b = dir.resolve(prefix + "B");
        Path log = dir.resolve(prefix + "-socat.log");
        Process socat;
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("socat is needed for serial tests (./fieldlink test installs it): " + e.getMessage(), e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!socat.isAlive() || Instant.now().isAfter(deadline)) {
                socat.destroyForcibly();
                throw new IOException("socat did not make a pty pair: " + Files.readString(log));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L); // poll, do not spin: two shared cores
        }
        return new PtyPair(a, b, socat);
    }

    @Override
    public void close() throws IOException {
        socat.destroy();
        try {
            if (!socat.waitFor(10, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping socat", e);
        }
    }
}
