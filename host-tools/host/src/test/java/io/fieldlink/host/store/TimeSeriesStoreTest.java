package io.fieldlink.host.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.ingest.Acknowledged;
import io.fieldlink.host.ingest.Bucket;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Resolution;
import io.fieldlink.host.ingest.Uplink;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeSeriesStoreTest extends OpenTimeSeriesTest {

    private void stored(String device, long... seqs) {
        for (long s : seqs) {
            series.store(new Uplink(device, s, List.of(), List.of(), 0));
        }
    }

    @Test
    void nothingStoredAcknowledgesZero() {
        Acknowledged a = series.acknowledged("m1", 4);
        assertThat(a.highestContiguous()).isZero();
        assertThat(a.ranges()).isEmpty();
    }

    @Test
    void rangesStopAtTheLimit() {
        stored("m1", 1, 3, 5, 7, 9);
        stored("m2", 2);
        Acknowledged a = series.acknowledged("m1", 2);
        assertThat(a.highestContiguous()).isEqualTo(1);
        assertThat(a.ranges()).containsExactly(3, 3, 5, 5);
        assertThat(series.acknowledged("m2", 2).highestContiguous()).isZero();
        assertThat(series.acknowledged("m2", 2).ranges()).containsExactly(2, 2);
    }

    @Test
    void watermarkSurvivesAReopen() {
        stored("m1", 1, 2, 3);
        assertThat(series.acknowledged("m1", 4).highestContiguous()).isEqualTo(3);
        commitAndReopen();
        stored("m1", 4);
        assertThat(series.acknowledged("m1", 4).highestContiguous()).isEqualTo(4);
    }

    private void commitAndReopen() {
        store.commit();
        reopen();
    }

    private static Uplink readings(String device, long seq, Reading... rs) {
        return new Uplink(device, seq, List.of(rs), List.of(), 0);
    }

    @Test
    void outOfOrderSeqsAreRangesThatJoinTheWatermarkAndSurviveAReopen() {
        stored("m1", 1, 2, 5, 6, 9);
        assertThat(series.acknowledged("m1", 8).ranges()).containsExactly(5, 6, 9, 9);
        commitAndReopen();
        assertThat(series.contains("m1", 6)).isTrue();
        assertThat(series.contains("m1", 7)).isFalse();
        assertThat(series.store(new Uplink("m1", 6, List.of(), List.of(), 0))).as("a stored seq again").isFalse();
        stored("m1", 4, 3);
        Acknowledged a = series.acknowledged("m1", 8);
        assertThat(a.highestContiguous()).isEqualTo(6);
        assertThat(a.ranges()).containsExactly(9, 9);
        stored("m1", 8, 7);
        commitAndReopen();
        assertThat(series.acknowledged("m1", 8).highestContiguous()).isEqualTo(9);
        assertThat(series.acknowledged("m1", 8).ranges()).isEmpty();
        assertThat(series.contains("m1", 9)).isTrue();
    }

    @Test
    void rollupsHoldMinMaxSumCountAtEachResolution() {
        series.store(readings("m1", 1, new Reading("v", T0 + 1_000, 10), new Reading("v", T0 + 20 * 60_000, 30)));
        series.store(readings("m1", 2, new Reading("v", T0 + 2 * 3_600_000, 5), new Reading("v", T0 + 1_000, 99)));
        commitAndReopen();
        series.store(readings("m1", 3, new Reading("v", T0 + 90_000, 20)));
        commitAndReopen();
        assertThat(series.readings("m1", "v", 0, Long.MAX_VALUE, 100)).extracting(Reading::value)
                .as("a second value at the same (channel, time) from another seq is a reading too")
                .containsExactly(10.0, 99.0, 20.0, 30.0, 5.0);
        assertThat(series.buckets("m1", "v", Resolution.M15, T0, T0 + DAY, 10))
                .containsExactly(new Bucket(T0, 10, 99, 129, 3), new Bucket(T0 + 15 * 60_000, 30, 30, 30, 1),
                        new Bucket(T0 + 2 * 3_600_000, 5, 5, 5, 1));
        assertThat(series.buckets("m1", "v", Resolution.H1, T0, T0 + DAY, 10))
                .containsExactly(new Bucket(T0, 10, 99, 159, 4), new Bucket(T0 + 2 * 3_600_000, 5, 5, 5, 1));
        assertThat(series.buckets("m1", "v", Resolution.D1, 0, Long.MAX_VALUE, 10))
                .containsExactly(new Bucket(T0, 5, 99, 164, 5));
        assertThat(series.buckets("m1", "v", Resolution.H1, T0 + 1, T0 + DAY, 10)).as("buckets starting at or after from")
                .containsExactly(new Bucket(T0 + 2 * 3_600_000, 5, 5, 5, 1));
        assertThat(series.readings("m1", "v", T0 + 1_000, T0 + 90_000, 100)).extracting(Reading::value).containsExactly(10.0, 99.0);
        assertThat(series.readings("m1", "v", 0, Long.MAX_VALUE, 2)).hasSize(2);
        assertThat(series.readings("m1", "other", 0, Long.MAX_VALUE, 2)).isEmpty();
        assertThat(series.readings("m2", "v", 0, Long.MAX_VALUE, 2)).isEmpty();
    }

    @Test
    void anExactRepeatOfAReadingIsStoredOnceEvenWithoutASeq() {
        series.store(readings("m1", -1, new Reading("v", T0, 7), new Reading("v", T0, 8)));
        series.store(readings("m1", -1, new Reading("v", T0, 7)));
        commitAndReopen();
        series.store(readings("m1", -1, new Reading("v", T0, 8), new Reading("v", T0, 7)));
        assertThat(series.readings("m1", "v", 0, Long.MAX_VALUE, 100)).extracting(Reading::value).containsExactly(7.0, 8.0);
        assertThat(series.buckets("m1", "v", Resolution.D1, 0, Long.MAX_VALUE, 10)).containsExactly(new Bucket(T0, 7, 8, 15, 2));
    }

    @Test
    void retentionRemovesWhatIsOlderThanEachResolutionKeeps() {
        series.store(readings("m1", 1, new Reading("v", T0, 1), new Reading("v", T0 + 10 * DAY, 2)));
        series.store(new Uplink("m1", 2, List.of(), List.of(new Event("tamper", T0, "{}"),
                new Event("tamper", T0 + 10 * DAY, "{}")), 0));
        series.store(new Uplink("a0", 1, List.of(), List.of(new Event("x", T0, "{}")), 0));
        series.store(new Uplink("z9", 1, List.of(), List.of(new Event("x", T0 - DAY, "{}"), new Event("x", T0, "{}"),
                new Event("x", T0 + 6 * DAY, "{}")), 0));
        commitAndReopen();
        Map<Resolution, Long> cut = new EnumMap<>(Resolution.class);
        cut.put(Resolution.M15, T0 + 5 * DAY);
        cut.put(Resolution.H1, T0 + 5 * DAY);
        cut.put(Resolution.D1, T0);
        long removed = series.prune(T0 + 5 * DAY, cut);
        commitAndReopen();
        assertThat(removed).isEqualTo(1 + 1 + 1 + 1 + 1 + 2);
        assertThat(series.readings("m1", "v", 0, Long.MAX_VALUE, 10)).extracting(Reading::value).containsExactly(2.0);
        assertThat(series.events("m1", 0, Long.MAX_VALUE, 10)).hasSize(1);
        assertThat(series.events("a0", 0, Long.MAX_VALUE, 10)).isEmpty();
        assertThat(series.events("z9", 0, Long.MAX_VALUE, 10)).extracting(e -> e.timeMillis()).containsExactly(T0 + 6 * DAY);
        assertThat(series.buckets("m1", "v", Resolution.H1, 0, Long.MAX_VALUE, 10)).hasSize(1);
        assertThat(series.buckets("m1", "v", Resolution.D1, 0, Long.MAX_VALUE, 10)).as("daily kept longer").hasSize(2);
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        stored("m1", 1);
        series.store(readings("m1", 2, new Reading("v", T0, 1)));
        store.commit();
        stored("m1", 3, 5);
        series.store(readings("m1", 4, new Reading("v", T0, 7), new Reading("w", T0, 7)));
        store.rollback();
        assertThat(series.acknowledged("m1", 4).highestContiguous()).isEqualTo(2);
        assertThat(series.acknowledged("m1", 4).ranges()).isEmpty();
        commitAndReopen();
        assertThat(series.readings("m1", "w", 0, Long.MAX_VALUE, 10)).isEmpty();
        assertThat(series.buckets("m1", "v", Resolution.D1, 0, Long.MAX_VALUE, 10)).containsExactly(new Bucket(T0, 1, 1, 1, 1));
        assertThat(series.store(readings("m1", 4, new Reading("w", T0, 8)))).isTrue();
        commitAndReopen();
        assertThat(series.readings("m1", "w", 0, Long.MAX_VALUE, 10)).extracting(Reading::value).containsExactly(8.0);
    }

    @Test
    void readingsAndRollupsOfTheTupleLayoutAreMovedOnce() {
        store.tupleMap("readings", org.mapdb.Serializer.STRING, org.mapdb.Serializer.STRING, org.mapdb.Serializer.LONG)
                .put(new Object[] {"m1", "v", T0 + 1_000}, new double[] {4.5});
        store.tupleMap("rollup-1h", org.mapdb.Serializer.STRING, org.mapdb.Serializer.STRING, org.mapdb.Serializer.LONG)
                .put(new Object[] {"m1", "v", T0}, new double[] {1, 9, 20, 4});
        commitAndReopen();
        assertThat(series.migrateTupleLayout(store)).isEqualTo(2);
        series.store(readings("m1", 1, new Reading("v", T0 + 2_000, 5)));
        commitAndReopen();
        assertThat(series.migrateTupleLayout(store)).isZero();
        assertThat(series.readings("m1", "v", 0, Long.MAX_VALUE, 10)).extracting(Reading::value).containsExactly(4.5, 5.0);
        assertThat(series.buckets("m1", "v", Resolution.H1, 0, Long.MAX_VALUE, 10))
                .containsExactly(new Bucket(T0, 1, 9, 25, 5));
    }
}
