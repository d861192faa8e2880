package io.fieldlink.host.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.ingest.Bucket;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Resolution;
import io.fieldlink.host.ingest.Uplink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mapdb.BTreeMap;

/**
 * Raw readings in variable-length chunks: a sparse series fills one entry with many readings, a
 * dense one keeps one-minute chunks, queries find the chunk holding their start, late readings go
 * into the chunk holding their minute, retention trims the chunk holding the cut, and one-minute
 * buckets written by the layout before chunks read as chunks.
 */
class TimeSeriesChunkTest extends OpenTimeSeriesTest {

    private BTreeMap<Long, double[]> rawInMapDb() {
        return store.longDoublesMap("raw-1m");
    }

    private void put(long t, double v) {
        series.store(new Uplink("m1", -1, List.of(new Reading("v", t, v)), List.of(), 0));
    }

    private List<Long> times(long from, long to, int limit) {
        return series.readings("m1", "v", from, to, limit).stream().map(Reading::timeMillis).toList();
    }

    private static List<Long> chunkStarts(Map<Long, double[]> raw) {
        return raw.keySet().stream().map(k -> (k & 0xFFFF_FFFFL) * MIN).toList();
    }

    @Test
    void aSparseSeriesFillsAChunkUpToItsPointsThenStartsTheNextAtTheNextReadingsMinute() {
        int n = TimeSeriesStore.CHUNK_POINTS + 10;
        for (int i = 0; i < n; i++) {
            put(T0 + i * 5 * MIN + 7, i); // every 5 minutes: 128 points span less than a day
            store.flush();
        }
        store.commit();
        long second = T0 + TimeSeriesStore.CHUNK_POINTS * 5 * MIN;
        assertThat(chunkStarts(rawInMapDb())).containsExactly(T0, second);
        assertThat(rawInMapDb().firstEntry().getValue()).hasSize(2 * TimeSeriesStore.CHUNK_POINTS);
        reopen();
        put(T0 + n * 5 * MIN, n);
        store.commit();
        assertThat(chunkStarts(rawInMapDb())).as("after a restart the last chunk is appended to").containsExactly(T0, second);
        assertThat(times(0, Long.MAX_VALUE, 1000)).hasSize(n + 1).isSorted();
    }

    @Test
    void aFullChunkStillTakesReadingsUpToTheMinuteOfItsLastOne() {
        int full = TimeSeriesStore.CHUNK_POINTS;
        for (int i = 0; i < full; i++) {
            put(T0 + i * 5 * MIN, i);
        }
        long last = T0 + (full - 1) * 5 * MIN;
        store.flush();
        put(last - 2 * MIN, 1000); // late, after the start of the full chunk
        put(last + 1, 1001); // the minute of its last reading: no chunk can start there
        store.commit();
        assertThat(chunkStarts(rawInMapDb())).containsExactly(T0);
        assertThat(rawInMapDb().get(rawInMapDb().firstKey())).hasSize(2 * (full + 2));
        put(last + MIN, 1002); // the next minute: a new chunk
        store.commit();
        assertThat(chunkStarts(rawInMapDb())).containsExactly(T0, last + MIN);
        assertThat(times(last - 3 * MIN, Long.MAX_VALUE, 10)).containsExactly(last - 2 * MIN, last, last + 1, last + MIN);
    }

    @Test
    void aChunkSpansAtMostADay() {
        for (int h = 0; h < 30; h++) {
            put(T0 + h * 60 * MIN, h);
        }
        store.commit();
        assertThat(chunkStarts(rawInMapDb())).containsExactly(T0, T0 + DAY);
    }

    @Test
    void aDenseSeriesKeepsOneMinuteChunks() {
        for (long t = T0; t < T0 + 3 * MIN; t += 50) { // 20 a second
            put(t, t % 7);
        }
        store.commit();
        assertThat(chunkStarts(rawInMapDb())).containsExactly(T0, T0 + MIN, T0 + 2 * MIN);
        assertThat(times(T0 + MIN - 100, T0 + MIN + 100, 10)).containsExactly(T0 + MIN - 100, T0 + MIN - 50, T0 + MIN,
                T0 + MIN + 50);
    }

    @Test
    void queriesFromAnyEdgeOfAChunkFindTheChunkHoldingTheirStart() {
        // chunks [T0 .. ), [T0 + 640 min .. ): readings every 5 minutes at +7 ms
        int n = TimeSeriesStore.CHUNK_POINTS + 3;
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = T0 + i * 5 * MIN + 7;
            put(t, i);
            all.add(t);
        }
        store.flush(); // in the overlay
        checkEveryEdge(all);
        store.commit(); // in MapDB
        checkEveryEdge(all);
        reopen();
        checkEveryEdge(all);
    }

    private void checkEveryEdge(List<Long> all) {
        long second = T0 + TimeSeriesStore.CHUNK_POINTS * 5 * MIN;
        long[] edges = {0, T0 - 1, T0, T0 + 7, T0 + 8, T0 + MIN, T0 + 5 * MIN + 7, second - 1, second, second + 7,
            second + 8, second + MIN, second + 10 * MIN + 7, second + 10 * MIN + 8, Long.MAX_VALUE};
        for (long from : edges) {
            for (long to : edges) {
                for (int limit : new int[] {1, 2, 1000}) {
                    List<Long> expected = all.stream().filter(t -> t >= from && t < to).limit(limit).toList();
                    assertThat(times(from, to, limit)).as("[%d, %d) limit %d", from, to, limit).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aLateReadingGoesIntoTheClosedChunkHoldingItsMinute() {
        int n = TimeSeriesStore.CHUNK_POINTS + 2;
        for (int i = 0; i < n; i++) {
            put(T0 + i * 5 * MIN, i);
        }
        store.commit();
        long second = T0 + TimeSeriesStore.CHUNK_POINTS * 5 * MIN;
        put(T0 + 3 * MIN, 1000); // late, inside the first (closed) chunk
        store.flush();
        assertThat(times(T0 + MIN, T0 + 6 * MIN, 10)).containsExactly(T0 + 3 * MIN, T0 + 5 * MIN);
        put(second + 3 * MIN, 2000); // late inside the open chunk, between its points
        put(second - 1, 3000); // late, the last millisecond before the second chunk: the first chunk's
        put(T0 - 3 * MIN, 4000); // earlier than every chunk: a chunk of its own
        store.commit();
        assertThat(chunkStarts(rawInMapDb())).containsExactly(T0 - 3 * MIN, T0, second);
        assertThat(rawInMapDb().get(rawInMapDb().higherKey(rawInMapDb().firstKey()))).hasSize(2 * (TimeSeriesStore.CHUNK_POINTS + 2));
        reopen();
        List<Long> t = times(0, Long.MAX_VALUE, 1000);
        assertThat(t).hasSize(n + 4).isSorted();
        assertThat(series.buckets("m1", "v", Resolution.D1, 0, Long.MAX_VALUE, 10))
                .as("the day before T0, and T0's").extracting(Bucket::count).containsExactly(1L, (long) n + 3);
    }

    @Test
    void oneMinuteBucketsOfTheLayoutBeforeChunksAreReadAndAppendedToAsChunks() {
        put(T0, 1);
        store.commit();
        BTreeMap<Long, double[]> raw = rawInMapDb();
        long id = raw.firstKey() >>> 32;
        // what the layout before chunks wrote: one entry per minute holding that minute's readings
        raw.put(id << 32 | (T0 / MIN + 1), new double[] {T0 + MIN + 5, 2, T0 + MIN + 9, 3});
        raw.put(id << 32 | (T0 / MIN + 3), new double[] {T0 + 3 * MIN, 4});
        store.commit();
        reopen();
        assertThat(times(T0 + MIN + 6, Long.MAX_VALUE, 10)).containsExactly(T0 + MIN + 9, T0 + 3 * MIN);
        put(T0 + 20 * MIN, 5); // appended to the last one-minute bucket, now a chunk
        put(T0 + 2 * MIN, 6); // late: into the bucket of minute 1 (the chunk holding minute 2)
        store.flush();
        assertThat(times(T0 + 2 * MIN, Long.MAX_VALUE, 10)).containsExactly(T0 + 2 * MIN, T0 + 3 * MIN, T0 + 20 * MIN);
        store.commit();
        reopen();
        assertThat(chunkStarts(rawInMapDb())).containsExactly(T0, T0 + MIN, T0 + 3 * MIN);
        assertThat(series.readings("m1", "v", 0, Long.MAX_VALUE, 10)).extracting(Reading::value)
                .containsExactly(1.0, 2.0, 3.0, 6.0, 4.0, 5.0);
        assertThat(times(T0 + 3 * MIN + 1, T0 + 21 * MIN, 10)).containsExactly(T0 + 20 * MIN);
    }

    @Test
    void retentionDropsWholeChunksAndTrimsTheOneHoldingTheCutInPlace() {
        for (int h = 0; h < 60; h++) { // hourly for 60 hours: chunks at day 0, day 1, day 2
            put(T0 + h * 60 * MIN, h);
        }
        store.commit();
        long cut = T0 + DAY + 5 * 60 * MIN + 30 * MIN; // inside the second chunk
        assertThat(series.prune(cut, Map.of())).as("the first chunk").isEqualTo(1);
        store.commit();
        assertThat(chunkStarts(rawInMapDb())).containsExactly(T0 + DAY, T0 + 2 * DAY);
        assertThat(rawInMapDb().firstEntry().getValue()).as("trimmed to its hours 6-23").hasSize(2 * 18);
        assertThat(series.prune(cut, Map.of())).as("again: nothing left to cut").isZero();
        assertThat(rawInMapDb().firstEntry().getValue()).hasSize(2 * 18);
        reopen();
        assertThat(times(0, Long.MAX_VALUE, 100)).first().isEqualTo(T0 + DAY + 6 * 60 * MIN);
        assertThat(times(0, Long.MAX_VALUE, 100)).hasSize(60 - 30).isSorted();
        put(T0 + DAY + 7 * 60 * MIN + 1, 100); // late, into the trimmed chunk
        put(T0 + 60 * 60 * MIN, 60); // next in order
        store.commit();
        assertThat(chunkStarts(rawInMapDb())).containsExactly(T0 + DAY, T0 + 2 * DAY);
        assertThat(times(T0 + DAY + 7 * 60 * MIN, T0 + DAY + 8 * 60 * MIN + 1, 10))
                .containsExactly(T0 + DAY + 7 * 60 * MIN, T0 + DAY + 7 * 60 * MIN + 1, T0 + DAY + 8 * 60 * MIN);
        assertThat(series.prune(T0 + 3 * DAY, Map.of())).isEqualTo(2);
        store.commit();
        assertThat(rawInMapDb()).isEmpty();
    }

    @Test
    void randomReadingsAcrossGroupsCommitsRollbacksRestartsAndRetentionMatchAModel() {
        store.commit(); // the maps exist in MapDB (as after any host start)
        Random rnd = new Random(42);
        // the model: time -> values at that time in insertion order; committed copy for rollbacks
        TreeMap<Long, List<Double>> model = new TreeMap<>();
        TreeMap<Long, List<Double>> committed = new TreeMap<>();
        // what the rollups hold (retention here cuts raw readings only)
        TreeMap<Long, List<Double>> rolled = new TreeMap<>();
        TreeMap<Long, List<Double>> rolledCommitted = new TreeMap<>();
        long now = T0;
        long pruned = 0;
        for (int round = 0; round < 400; round++) {
            int k = 1 + rnd.nextInt(4);
            List<Reading> rs = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                long t;
                int kind = rnd.nextInt(10);
                if (kind < 6) {
                    now += rnd.nextInt(3) == 0 ? rnd.nextInt(1000) : rnd.nextInt((int) (30 * MIN));
                    t = now;
                } else if (kind < 9) {
                    t = now - rnd.nextInt((int) (2 * DAY)); // late
                } else {
                    t = now + rnd.nextInt((int) (3 * DAY)); // ahead of the series
                }
                if (t < pruned) {
                    continue;
                }
                double v = rnd.nextInt(5);
                rs.add(new Reading("v", t, v));
                List<Double> at = model.computeIfAbsent(t, x -> new ArrayList<>());
                if (!at.contains(v)) {
                    at.add(v);
                    rolled.computeIfAbsent(t, x -> new ArrayList<>()).add(v);
                }
            }
            series.store(new Uplink("m1", -1, rs, List.of(), 0));
            switch (rnd.nextInt(8)) {
                case 0 -> {
                    store.commit();
                    committed = copy(model);
                    rolledCommitted = copy(rolled);
                }
                case 1 -> {
                    store.rollback();
                    model = copy(committed);
                    rolled.clear();
                    rolled.putAll(copy(rolledCommitted));
                }
                case 2 -> {
                    store.commit();
                    committed = copy(model);
                    rolledCommitted = copy(rolled);
                    reopen();
                }
                case 3 -> {
                    store.flush();
                    store.writeAhead();
                }
                case 4 -> {
                    if (rnd.nextInt(10) == 0) {
                        long cut = now - DAY - rnd.nextInt((int) DAY);
                        series.prune(cut, Map.of());
                        long cutMinute = cut / MIN * MIN;
                        pruned = Math.max(pruned, cutMinute);
                        model.headMap(cutMinute).clear();
                        store.commit();
                        committed = copy(model);
                        rolledCommitted = copy(rolled);
                    } else {
                        store.flush();
                    }
                }
                default -> store.flush();
            }
            store.flush();
            if (round % 20 == 0) {
                checkAgainst(model, rolled, rnd);
            }
        }
        store.commit();
        reopen();
        checkAgainst(model, rolled, rnd);
    }

    private static TreeMap<Long, List<Double>> copy(TreeMap<Long, List<Double>> m) {
        TreeMap<Long, List<Double>> c = new TreeMap<>();
        m.forEach((t, vs) -> c.put(t, new ArrayList<>(vs)));
        return c;
    }

    private void checkAgainst(TreeMap<Long, List<Double>> model, TreeMap<Long, List<Double>> rolled, Random rnd) {
        List<long[]> all = new ArrayList<>();
        model.forEach((t, vs) -> vs.forEach(v -> all.add(new long[] {t, Double.doubleToLongBits(v)})));
        assertThat(series.readings("m1", "v", 0, Long.MAX_VALUE, 100_000)).hasSize(all.size());
        List<Long> keys = new ArrayList<>(model.keySet());
        for (int q = 0; q < 30 && !keys.isEmpty(); q++) {
            long a = keys.get(rnd.nextInt(keys.size())) + rnd.nextInt(3) - 1;
            long b = rnd.nextBoolean() ? keys.get(rnd.nextInt(keys.size())) + rnd.nextInt(3) - 1 : a + rnd.nextInt((int) DAY);
            long from = Math.min(a, b);
            long to = Math.max(a, b);
            int limit = rnd.nextBoolean() ? 5 : 100_000;
            List<String> expected = all.stream().filter(p -> p[0] >= from && p[0] < to).limit(limit)
                    .map(p -> p[0] + "=" + Double.longBitsToDouble(p[1])).toList();
            assertThat(series.readings("m1", "v", from, to, limit)).extracting(r -> r.timeMillis() + "=" + r.value())
                    .as("[%d, %d) limit %d", from, to, limit).isEqualTo(expected);
        }
        // the rollups count each reading once
        TreeMap<Long, double[]> expected = new TreeMap<>();
        rolled.forEach((t, vs) -> vs.forEach(v -> {
            double[] b = expected.computeIfAbsent(t / (15 * MIN) * 15 * MIN, x -> new double[] {v, v, 0, 0});
            b[0] = Math.min(b[0], v);
            b[1] = Math.max(b[1], v);
            b[2] += v;
            b[3]++;
        }));
        List<Bucket> want = new ArrayList<>();
        expected.forEach((start, b) -> want.add(new Bucket(start, b[0], b[1], b[2], (long) b[3])));
        assertThat(series.buckets("m1", "v", Resolution.M15, 0, Long.MAX_VALUE, 100_000)).isEqualTo(want);
    }
}
