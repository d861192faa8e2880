package io.fieldlink.host.store.ingestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestLogTest {
    @TempDir
    Path dir;

    private static byte[] entry(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> readAll(IngestLog log, long from) {
        List<String> out = new ArrayList<>();
        log.read(from, (e, f, o) -> out.add(new String(e, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void appendedEntriesReadBackAfterReopen() throws Exception {
        try (IngestLog log = IngestLog.open(dir, 0)) {
            log.append(List.of(entry("a"), entry("bb")));
            log.append(List.of(entry("ccc")));
            assertThat(log.end()).isEqualTo(3 * 12 + 6);
        }
        try (IngestLog log = IngestLog.open(dir, 0)) {
            assertThat(readAll(log, 0)).containsExactly("a", "bb", "ccc");
            assertThat(readAll(log, 13)).containsExactly("bb", "ccc");
            log.append(List.of(entry("d")));
            assertThat(readAll(log, 0)).containsExactly("a", "bb", "ccc", "d");
        }
    }

    @Test
    void aTornLastEntryIsCutOffAtEveryByte() throws Exception {
        long goodEnd;
        long fullEnd;
        try (IngestLog log = IngestLog.open(dir, 0)) {
            goodEnd = log.append(List.of(entry("first"), entry("second")));
            fullEnd = log.append(List.of(entry("the last entry, never acknowledged")));
        }
        Path seg = dir.resolve(String.format("%020d.log", 0));
        byte[] whole = Files.readAllBytes(seg);
        assertThat(whole).hasSize((int) fullEnd);
        for (long cut = goodEnd; cut < fullEnd; cut++) {
            Files.write(seg, java.util.Arrays.copyOf(whole, (int) cut));
            try (IngestLog log = IngestLog.open(dir, 0)) {
                assertThat(log.end()).as("cut at %d", cut).isEqualTo(goodEnd);
                assertThat(readAll(log, 0)).as("cut at %d", cut).containsExactly("first", "second");
                assertThat(Files.size(seg)).isEqualTo(goodEnd);
                log.append(List.of(entry("after")));
                assertThat(readAll(log, 0)).containsExactly("first", "second", "after");
            }
        }
    }

    @Test
    void aLastEntryFailingItsCrcOrZerosAtTheEndAreATornTail() throws Exception {
        long goodEnd;
        try (IngestLog log = IngestLog.open(dir, 0)) {
            goodEnd = log.append(List.of(entry("kept")));
            log.append(List.of(entry("torn")));
        }
        Path seg = dir.resolve(String.format("%020d.log", 0));
        byte[] b = Files.readAllBytes(seg);
        b[b.length - 1] ^= 0x55;
        Files.write(seg, b);
        try (IngestLog log = IngestLog.open(dir, 0)) {
            assertThat(readAll(log, 0)).containsExactly("kept");
            assertThat(log.end()).isEqualTo(goodEnd);
        }
        // a file system may leave zeros after the last synced write
        Files.write(seg, new byte[4096], java.nio.file.StandardOpenOption.APPEND);
        try (IngestLog log = IngestLog.open(dir, 0)) {
            assertThat(readAll(log, 0)).containsExactly("kept");
            assertThat(Files.size(seg)).isEqualTo(goodEnd);
        }
    }

    @Test
    void aBadEntryInTheMiddleStopsTheOpenNamingFileAndOffset() throws Exception {
        long secondAt;
        try (IngestLog log = IngestLog.open(dir, 0)) {
            secondAt = log.append(List.of(entry("one")));
            log.append(List.of(entry("two"), entry("three")));
        }
        Path seg = dir.resolve(String.format("%020d.log", 0));
        byte[] b = Files.readAllBytes(seg);
        b[(int) secondAt + 13] ^= 0x01; // a payload byte of "two"
        Files.write(seg, b);
        assertThatThrownBy(() -> IngestLog.open(dir, 0))
                .isInstanceOfSatisfying(CorruptLogException.class, e -> {
                    assertThat(e.file()).isEqualTo(seg);
                    assertThat(e.offset()).isEqualTo(secondAt);
                })
                .hasMessageContaining(seg.toString()).hasMessageContaining("offset " + secondAt)
                .hasMessageContaining("CRC mismatch");
        assertThat(Files.readAllBytes(seg)).as("nothing cut off").isEqualTo(b);
        // a frame length that is nonsense, with log after it
        b = Files.readAllBytes(seg);
        b[(int) secondAt + 13] ^= 0x01;
        b[(int) secondAt] = (byte) 0x7f;
        Files.write(seg, b);
        assertThatThrownBy(() -> IngestLog.open(dir, 0)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("offset " + secondAt).hasMessageContaining("check word");
    }

    @Test
    void rollStartsASegmentAndCheckpointedSegmentsAreDeleted() throws Exception {
        long first;
        long second;
        try (IngestLog log = IngestLog.open(dir, 0)) {
            first = log.append(List.of(entry("a"), entry("b")));
            assertThat(log.roll()).isEqualTo(first);
            assertThat(log.roll()).as("an empty segment is not rolled again").isEqualTo(first);
            second = log.append(List.of(entry("c")));
            assertThat(log.segments()).hasSize(2);
            assertThat(readAll(log, 0)).containsExactly("a", "b", "c");
            assertThat(log.deleteBefore(first)).isEqualTo(1);
            assertThat(log.segments()).extracting(p -> p.getFileName().toString())
                    .containsExactly(String.format("%020d.log", first));
            assertThat(readAll(log, first)).containsExactly("c");
        }
        try (IngestLog log = IngestLog.open(dir, first)) {
            assertThat(log.end()).isEqualTo(second);
            assertThat(readAll(log, first)).containsExactly("c");
        }
        // a segment left behind by a crash between a checkpoint and its deletion goes at the next open
        Files.write(dir.resolve(String.format("%020d.log", 0)), new byte[] {1, 2, 3});
        try (IngestLog log = IngestLog.open(dir, first)) {
            assertThat(log.segments()).hasSize(1);
            assertThat(readAll(log, first)).containsExactly("c");
        }
    }

    @Test
    void missingEntriesBeforeTheLogAreAnError() throws Exception {
        try (IngestLog log = IngestLog.open(dir, 0)) {
            log.append(List.of(entry("a")));
            log.roll();
            log.append(List.of(entry("b")));
        }
        Files.delete(dir.resolve(String.format("%020d.log", 0)));
        assertThatThrownBy(() -> IngestLog.open(dir, 0)).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("entries in between are missing");
    }
}
