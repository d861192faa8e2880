package io.fieldlink.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.host.ingest.Ingest;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.DeviceRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committer with an ingest log, in process: a write failing while acknowledged uplinks are only
 * in the log (the store behind it) fails alone and loses none of them; checkpoints by count delete
 * the log before them; a reopened store holds everything once.
 */
class CommitterIngestLogTest {
    private static final long T0 = 1_763_683_200_000L;
    @TempDir
    Path dir;

    /** Fails the write holding a reading of this value. */
    static final class Poison implements StoredUplinkListener {
        volatile double value = Double.NaN;

        @Override
        public void stored(Uplink u) {
            for (Reading r : u.readings()) {
                if (r.value() == value) {
                    throw new IllegalStateException("poisoned uplink " + u.seq());
                }
            }
        }
    }

    private record Rig(HostStore store, Committer committer, TimeSeriesStore series, Ingest ingest) implements AutoCloseable {
        static Rig open(Path dir, int checkpointWrites, StoredUplinkListener listener) {
            HostStore store = HostStore.open(dir);
            Committer c = new Committer(store, dir.resolve("ingest-log"), 1000, 100, Duration.ofDays(1), checkpointWrites);
            DeviceRegistry registry = new DeviceRegistry(store);
            TimeSeriesStore series = new TimeSeriesStore(store);
            Ingest ingest = new Ingest(c, series, registry, new HostMetrics(), List.of(listener));
            ingest.replayLog();
            if (registry.find("m-1").isEmpty()) {
                c.write(() -> registry.provision("m-1", BoardKind.METER, T0));
            }
            return new Rig(store, c, series, ingest);
        }

        @Override
        public void close() {
            committer.close();
            store.close();
        }
    }

    private static List<Uplink> batch(long first, int n) {
        List<Uplink> out = new ArrayList<>();
        for (long seq = first; seq < first + n; seq++) {
            out.add(new Uplink("m-1", seq, List.of(new Reading("v", T0 + seq * 1000, seq)), List.of(), T0));
        }
        return out;
    }

    private static long segments(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("ingest-log"))) {
            return s.count();
        }
    }

    @Test
    void aFailingWriteBehindTheLogFailsAloneAndLosesNoAcknowledgedUplink() throws Exception {
        Poison poison = new Poison();
        try (Rig rig = Rig.open(dir, 10_000_000, poison)) {
            long checkpoints = rig.committer().checkpoints();
            for (long first = 1; first <= 30; first += 5) {
                rig.ingest().submitBatch("m-1", batch(first, 5), T0, 4).join();
            }
            assertThat(rig.committer().checkpoints()).as("the 30 seqs are only in the log").isEqualTo(checkpoints);
            poison.value = 33;
            List<CompletableFuture<Ingest.BatchOutcome>> next = new ArrayList<>();
            for (long first = 31; first <= 45; first += 5) {
                next.add(rig.ingest().submitBatch("m-1", batch(first, 5), T0, 4));
            }
            next.get(1).join();
            next.get(2).join();
            assertThatThrownBy(() -> next.get(0).join()).isInstanceOf(CompletionException.class)
                    .hasMessageContaining("poisoned uplink 33");
            List<Reading> rs = rig.series().readings("m-1", "v", 0, Long.MAX_VALUE, 1000);
            assertThat(rs).extracting(r -> (long) r.value()).as("everything acknowledged, once, nothing of the failed write")
                    .containsExactlyElementsOf(expected(1, 30, 36, 45));
            assertThat(rig.series().contains("m-1", 33)).isFalse();
            poison.value = Double.NaN;
        }
        try (Rig rig = Rig.open(dir, 10_000_000, poison)) {
            assertThat(rig.series().readings("m-1", "v", 0, Long.MAX_VALUE, 1000)).extracting(r -> (long) r.value())
                    .containsExactlyElementsOf(expected(1, 30, 36, 45));
            rig.ingest().submitBatch("m-1", batch(31, 5), T0, 4).join();
            assertThat(rig.series().acknowledged("m-1", 4).highestContiguous()).isEqualTo(45);
        }
    }

    @Test
    void checkpointsByCountDeleteTheLogBeforeThem() throws Exception {
        try (Rig rig = Rig.open(dir, 4, new Poison())) {
            long before = rig.committer().checkpoints();
            for (long first = 1; first <= 100; first += 5) {
                rig.ingest().submitBatch("m-1", batch(first, 5), T0, 4).join();
            }
            assertThat(rig.committer().checkpoints() - before).as("a checkpoint every 4 writes").isGreaterThanOrEqualTo(4);
            assertThat(segments(dir)).as("segments before the last checkpoint deleted").isLessThanOrEqualTo(2);
        }
        try (Rig rig = Rig.open(dir, 4, new Poison())) {
            assertThat(rig.series().readings("m-1", "v", 0, Long.MAX_VALUE, 1000)).hasSize(100);
        }
    }

    /** A component holding a note per stored uplink until the group's log append makes it durable. */
    static final class Notes implements LoggedSource, StoredUplinkListener {
        final List<String> held = new ArrayList<>();
        final List<String> durable = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> replayed = new ArrayList<>();

        @Override
        public void stored(Uplink u) {
            held.add("seq " + u.seq());
        }

        @Override
        public List<byte[]> unlogged() {
            return held.stream().map(n -> n.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
        }

        @Override
        public void logged(int n) {
            durable.addAll(held.subList(0, n));
            held.subList(0, n).clear();
        }

        @Override
        public void replay(byte[] entry) {
            replayed.add(new String(entry, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aLoggedSourcesChangesGoIntoTheGroupsAppendAndComeBackBeforeItsWritesAtTheReplay() throws Exception {
        Notes notes = new Notes();
        Path image = dir.resolve("image");
        try (Rig rig = Rig.open(dir.resolve("live"), 10_000_000, notes)) {
            rig.committer().addLoggedSource("notes", notes);
            rig.ingest().submitBatch("m-1", batch(1, 3), T0, 4).join();
            assertThat(notes.durable).as("logged with the group, before its Ack").containsExactly("seq 1", "seq 2", "seq 3");
            assertThat(notes.held).isEmpty();
            io.fieldlink.host.HostFixture.copyTree(dir.resolve("live"), image); // kill -9 now: only the log holds them
        }
        HostStore store = HostStore.open(image);
        Committer c = new Committer(store, image.resolve("ingest-log"), 1000, 100, Duration.ofDays(1), 10_000_000);
        try {
            Notes after = new Notes();
            c.addLoggedSource("notes", after);
            List<Integer> notesBeforeTheBatch = new ArrayList<>();
            assertThat(c.replayLog(entry -> notesBeforeTheBatch.add(after.replayed.size()))).isEqualTo(4);
            assertThat(after.replayed).containsExactly("seq 1", "seq 2", "seq 3");
            assertThat(notesBeforeTheBatch).as("the batch's own entry replayed after its notes").containsExactly(3);
        } finally {
            c.close();
            store.close();
        }
    }

    @Test
    void anEntryOfASourceNotRegisteredStopsTheReplayNamingIt() throws Exception {
        Notes notes = new Notes();
        Path image = dir.resolve("image");
        try (Rig rig = Rig.open(dir.resolve("live"), 10_000_000, notes)) {
            rig.committer().addLoggedSource("notes", notes);
            rig.ingest().submitBatch("m-1", batch(1, 1), T0, 4).join();
            io.fieldlink.host.HostFixture.copyTree(dir.resolve("live"), image);
        }
        HostStore store = HostStore.open(image);
        Committer c = new Committer(store, image.resolve("ingest-log"), 1000, 100, Duration.ofDays(1), 10_000_000);
        try {
            assertThatThrownBy(() -> c.replayLog(entry -> { })).isInstanceOf(io.fieldlink.host.HostException.class)
                    .hasMessageContaining("no logged source named notes");
        } finally {
            c.close();
            store.close();
        }
    }

    @Test
    void futuresCompleteOnTheCompletionThreadWhereACallbackCannotWaitForAnotherWrite() throws Exception {
        try (Rig rig = Rig.open(dir, 10_000_000, new Poison())) {
            java.util.concurrent.CountDownLatch registered = new java.util.concurrent.CountDownLatch(1);
            CompletableFuture<String> applied = rig.committer().submit(() -> {
                registered.await();
                return Thread.currentThread().getName();
            });
            CompletableFuture<String> callback = applied.thenApply(on -> {
                String here = Thread.currentThread().getName();
                try {
                    rig.committer().write(() -> null);
                    return on + " / " + here + " / waited";
                } catch (IllegalStateException e) {
                    return on + " / " + here + " / " + e.getMessage();
                }
            });
            registered.countDown();
            assertThat(callback.join()).isEqualTo("fieldlink-committer / fieldlink-committed / a write's completion callback"
                    + " must not wait for another write; submit it instead");
            assertThat(rig.committer().write(() -> "still writing")).isEqualTo("still writing");
        }
    }

    private static List<Long> expected(long a, long b, long c, long d) {
        List<Long> out = new ArrayList<>();
        for (long i = a; i <= b; i++) {
            out.add(i);
        }
        for (long i = c; i <= d; i++) {
            out.add(i);
        }
        return out;
    }
}
