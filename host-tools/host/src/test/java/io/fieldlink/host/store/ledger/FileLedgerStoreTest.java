package io.fieldlink.host.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLedgerStoreTest {
    @TempDir
    Path dir;

    @Test
    void recordsSurviveReopen() throws Exception {
        try (FileLedgerStore store = FileLedgerStore.open(dir)) {
            for (int i = 0; i < 100; i++) {
                assertThat(store.appendEntry(("entry " + i).getBytes())).isEqualTo(i);
            }
            store.appendCheckpoint("cp".getBytes());
        }

        try (FileLedgerStore store = FileLedgerStore.open(dir)) {
            assertThat(store.entryCount()).isEqualTo(100);
            assertThat(new String(store.entry(42))).isEqualTo("entry 42");
            assertThat(store.checkpointCount()).isEqualTo(1);
        }
    }

    @Test
    void aBatchIsAppendedInOrderAndACrashAtAnyByteOfItLeavesAPrefix() throws Exception {
        try (FileLedgerStore store = FileLedgerStore.open(dir)) {
            store.appendEntry("first".getBytes());
            assertThat(store.appendEntries(java.util.List.of("b1".getBytes(), "b22".getBytes(), "b333".getBytes())))
                    .isEqualTo(1);
            assertThat(store.entryCount()).isEqualTo(4);
            assertThat(new String(store.entry(2))).isEqualTo("b22");
            assertThat(store.appendEntry("after".getBytes())).isEqualTo(4);
        }
        Path log = dir.resolve("entries.log");
        byte[] whole = Files.readAllBytes(log);
        long batchStart = 8 + "first".length();
        long[] ends = {batchStart + 8 + 2, batchStart + 8 + 2 + 8 + 3, batchStart + 8 + 2 + 8 + 3 + 8 + 4};
        for (long cut = batchStart; cut <= ends[2]; cut++) {
            Files.write(log, java.util.Arrays.copyOf(whole, (int) cut));
            int complete = 0;
            for (long end : ends) {
                complete += cut >= end ? 1 : 0;
            }
            try (FileLedgerStore store = FileLedgerStore.open(dir)) {
                assertThat(store.entryCount()).as("cut at %d", cut).isEqualTo(1 + complete);
                assertThat(new String(store.entry(0))).isEqualTo("first");
                if (complete == 3) {
                    assertThat(new String(store.entry(3))).isEqualTo("b333");
                }
            }
        }
    }

    /** Verifies that a crash at any byte of the last append leaves every earlier record readable. */
    @Test
    void aTornTailAtAnyByteIsCutAndEarlierRecordsStay() throws Exception {
        try (FileLedgerStore store = FileLedgerStore.open(dir)) {
            store.appendEntry("first".getBytes());
            store.appendEntry("second".getBytes());
        }
        Path log = dir.resolve("entries.log");
        long full = Files.size(log);
        long secondStart = 8 + "first".length();
        byte[] whole = Files.readAllBytes(log);
        for (long cut = secondStart; cut < full; cut++) {
            Files.write(log, java.util.Arrays.copyOf(whole, (int) cut));
            try (FileLedgerStore store = FileLedgerStore.open(dir)) {
                assertThat(store.entryCount()).as("cut at %d", cut).isEqualTo(1);
                assertThat(new String(store.entry(0))).isEqualTo("first");
                assertThat(store.appendEntry("again".getBytes())).isEqualTo(1);
            }
        }
    }

    @Test
    void aCorruptRecordInTheMiddleRefusesToOpenNamingIt() throws Exception {
        try (FileLedgerStore store = FileLedgerStore.open(dir)) {
            store.appendEntry("first".getBytes());
            store.appendEntry("second".getBytes());
        }
        flipByte(dir.resolve("entries.log"), 8 + 1);

        assertThatThrownBy(() -> FileLedgerStore.open(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("record 0 at byte 0 fails its checksum");
        assertThat(Files.size(dir.resolve("entries.log"))).as("nothing is cut").isEqualTo(2 * 8 + 11);
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0xFF);
        }
    }
}
