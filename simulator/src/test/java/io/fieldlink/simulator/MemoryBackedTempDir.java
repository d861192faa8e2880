package io.fieldlink.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * A {@code @TempDir} on the memory-backed file system ({@code /dev/shm}) where the machine has one,
 * otherwise in the default temporary directory. The fleet tests' host keeps its MapDB files there:
 * the same store, files and commits, but an fsync costs nothing, so a run's wall time is the
 * simulator's and the host's work rather than the shared disk's queue (5-25 ms an fsync on the
 * shared dev VM, one per host commit, ~120,000 commits in the CI week).
 */
final class MemoryBackedTempDir implements TempDirFactory {
    private static final Path SHM = Path.of("/dev/shm");

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
        if (Files.isDirectory(SHM) && Files.isWritable(SHM)) {
            return Files.createTempDirectory(SHM, "fieldlink-sim-");
        }
        return Files.createTempDirectory("fieldlink-sim-");
    }
}
