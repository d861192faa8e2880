package io.fieldlink.host.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.ingest.Bucket;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Resolution;
import io.fieldlink.host.ingest.Uplink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Write-behind of the time series: a flushed group (the end of a group made durable by the ingest
 * log) is read from memory and written into MapDB only by the commit (the checkpoint); a rollback
 * forgets it; queries merge memory and MapDB; retention cuts what is still in memory too.
 */
class TimeSeriesWriteBehindTest extends OpenTimeSeriesTest {

    private static Uplink up(long seq, Reading... rs) {
        return new Uplink("m1", seq, List.of(rs), List.of(), 0);
    }

    private List<Double> values(String channel) {
        return series.readings("m1", channel, 0, Long.MAX_VALUE, 100).stream().map(Reading::value).toList();
    }

    private List<Bucket> daily() {
        return series.buckets("m1", "v", Resolution.D1, 0, Long.MAX_VALUE, 10);
    }

    @Test
    void aFlushedGroupIsReadFromMemoryAndWrittenIntoMapDbOnlyByTheCommit() {
        Map<Long, double[]> rawInMapDb = store.longDoublesMap("raw-1m");
        Map<Long, double[]> dailyInMapDb = store.longSmallDoublesMap("rollups-" + Resolution.D1.wireName());
        series.store(up(1, new Reading("v", T0, 1), new Reading("v", T0 + 1000, 3)));
        store.flush();
        assertThat(rawInMapDb).as("nothing written into MapDB at the end of a group").isEmpty();
        assertThat(dailyInMapDb).isEmpty();
        assertThat(series.overlaySize()).as("raw bucket, 3 rollups, watermark").isEqualTo(5);
        assertThat(values("v")).containsExactly(1.0, 3.0);
        assertThat(daily()).containsExactly(new Bucket(T0, 1, 3, 4, 2));
        assertThat(series.contains("m1", 1)).isTrue();

        series.store(up(2, new Reading("v", T0 + 2000, 5)));
        store.flush();
        assertThat(values("v")).as("the second group builds on the first one's memory").containsExactly(1.0, 3.0, 5.0);
        assertThat(daily()).containsExactly(new Bucket(T0, 1, 5, 9, 3));
        assertThat(rawInMapDb).isEmpty();

        store.commit();
        assertThat(series.overlaySize()).as("emptied once MapDB holds it").isZero();
        assertThat(rawInMapDb).hasSize(1);
        assertThat(values("v")).containsExactly(1.0, 3.0, 5.0);
        reopen();
        assertThat(values("v")).containsExactly(1.0, 3.0, 5.0);
        assertThat(daily()).containsExactly(new Bucket(T0, 1, 5, 9, 3));
        assertThat(series.acknowledged("m1", 4).highestContiguous()).isEqualTo(2);
    }

    @Test
    void aRollbackForgetsEverythingFlushedSinceTheCommit() {
        series.store(up(1, new Reading("v", T0, 1)));
        store.commit();
        series.store(up(2, new Reading("v", T0 + 1000, 2)));
        store.flush();
        series.store(up(3, new Reading("v", T0 + 2000, 3)));
        store.flush();
        assertThat(values("v")).containsExactly(1.0, 2.0, 3.0);
        store.rollback();
        assertThat(values("v")).containsExactly(1.0);
        assertThat(series.overlaySize()).isZero();
        assertThat(daily()).containsExactly(new Bucket(T0, 1, 1, 1, 1));
        assertThat(series.contains("m1", 2)).isFalse();
        assertThat(series.acknowledged("m1", 4).highestContiguous()).isEqualTo(1);
        // re-applied (as the ingest log does after a rollback): counted once, not on top of a stale memory
        assertThat(series.store(up(2, new Reading("v", T0 + 1000, 2)))).isTrue();
        store.flush();
        assertThat(daily()).containsExactly(new Bucket(T0, 1, 2, 3, 2));
        store.commit();
        reopen();
        assertThat(values("v")).containsExactly(1.0, 2.0);
    }

    @Test
    void aRangeMergesMemoryOverMapDbInTimeOrderUpToTheLimit() {
        series.store(up(1, new Reading("v", T0, 1), new Reading("v", T0 + MIN, 2), new Reading("v", T0 + 3 * MIN, 4)));
        store.commit();
        // minute 1 changed (in memory over MapDB's older copy), minute 2 new, minutes 0 and 3 only in MapDB
        series.store(up(2, new Reading("v", T0 + MIN + 1, 2.5), new Reading("v", T0 + 2 * MIN, 3)));
        store.flush();
        assertThat(values("v")).containsExactly(1.0, 2.0, 2.5, 3.0, 4.0);
        assertThat(series.readings("m1", "v", T0 + 1, Long.MAX_VALUE, 3)).extracting(Reading::value)
                .containsExactly(2.0, 2.5, 3.0);
        assertThat(series.buckets("m1", "v", Resolution.M15, 0, Long.MAX_VALUE, 10))
                .containsExactly(new Bucket(T0, 1, 4, 12.5, 5));
    }

    @Test
    void retentionCutsWhatIsStillInMemory() {
        series.store(up(1, new Reading("v", T0, 1)));
        series.store(up(2, new Reading("v", T0 + 3 * DAY, 2)));
        store.flush();
        assertThat(series.prune(T0 + DAY, Map.of())).isEqualTo(1);
        assertThat(values("v")).containsExactly(2.0);
        store.commit();
        reopen();
        assertThat(values("v")).containsExactly(2.0);
    }

    @Test
    void readingsGoingBackToEarlierBucketsAcrossGroupsCommitsRollbacksAndRestartsAddUpExactly() {
        // forward (new buckets), back into a bucket of an earlier group (flushed, then committed), in
        // and out of a rolled-back group, and after a restart: every path a bucket is found by
        long[] minutes = {0, 5, 1, 5, 2, 7, 0};
        long seq = 1;
        for (int round = 0; round < minutes.length; round++) {
            double v = round + 1;
            series.store(up(seq++, new Reading("v", T0 + minutes[round] * MIN + round, v)));
            if (round == 2) {
                store.commit();
            } else {
                store.flush();
            }
        }
        series.store(up(seq, new Reading("v", T0 + 9 * MIN, 100), new Reading("v", T0 + 3, 200)));
        store.flush();
        store.rollback(); // back to the commit after round 2: rounds 3.. are gone
        double committed = 1 + 2 + 3;
        assertThat(daily()).containsExactly(new Bucket(T0, 1, 3, committed, 3));
        series.store(up(4, new Reading("v", T0 + 5 * MIN + 7, 4), new Reading("v", T0 + 11 * MIN, 40)));
        store.flush();
        assertThat(daily()).containsExactly(new Bucket(T0, 1, 40, committed + 44, 5));
        assertThat(series.buckets("m1", "v", Resolution.M15, 0, Long.MAX_VALUE, 10))
                .containsExactly(new Bucket(T0, 1, 40, committed + 44, 5));
        store.commit();
        reopen();
        series.store(up(5, new Reading("v", T0 + 2 * MIN + 9, 5), new Reading("v", T0 + 20 * MIN, 50)));
        store.flush();
        assertThat(values("v")).containsExactly(1.0, 3.0, 5.0, 2.0, 4.0, 40.0, 50.0);
        assertThat(daily()).containsExactly(new Bucket(T0, 1, 50, committed + 44 + 55, 7));
        assertThat(series.buckets("m1", "v", Resolution.M15, 0, Long.MAX_VALUE, 10))
                .containsExactly(new Bucket(T0, 1, 40, committed + 44 + 5, 6), new Bucket(T0 + 15 * MIN, 50, 50, 50, 1));
    }

    @Test
    void aBucketCarriedFromGroupToGroupIsRepublishedInPlaceAndAgainAfterTheCheckpointEmptiedTheOverlay() {
        Map<Long, double[]> rawInMapDb = store.longDoublesMap("raw-1m");
        series.store(up(1, new Reading("v", T0, 1)));
        store.flush();
        List<Bucket> afterFirst = daily();
        series.store(up(2, new Reading("v", T0 + 1000, 2)));
        store.flush();
        assertThat(afterFirst).as("what a reader got is not changed by the next group").containsExactly(new Bucket(T0, 1, 1, 1, 1));
        assertThat(series.overlaySize()).as("the same raw bucket, 3 rollups, watermark").isEqualTo(5);
        assertThat(values("v")).containsExactly(1.0, 2.0);
        store.commit();
        assertThat(series.overlaySize()).isZero();
        assertThat(rawInMapDb.values().iterator().next()).containsExactly(T0, 1, T0 + 1000, 2);
        series.store(up(3, new Reading("v", T0 + 2000, 3)));
        store.flush();
        assertThat(series.overlaySize()).as("published into the emptied overlay again").isEqualTo(5);
        assertThat(values("v")).containsExactly(1.0, 2.0, 3.0);
        assertThat(daily()).containsExactly(new Bucket(T0, 1, 3, 6, 3));
        store.commit();
        reopen();
        assertThat(values("v")).containsExactly(1.0, 2.0, 3.0);
        assertThat(daily()).containsExactly(new Bucket(T0, 1, 3, 6, 3));
    }

    @Test
    void chunksASeriesMovedPastAreWrittenAheadOfTheCheckpointAndALateChangeIsWrittenAgainByIt() {
        Map<Long, double[]> rawInMapDb = store.longDoublesMap("raw-1m");
        Map<Long, double[]> m15InMapDb = store.longSmallDoublesMap("rollups-" + Resolution.M15.wireName());
        store.commit(); // the maps exist in MapDB (as after any host start)
        series.store(up(1, new Reading("v", T0, 1), new Reading("v", T0 + DAY, 2)));
        store.flush();
        store.writeAhead();
        assertThat(rawInMapDb).as("the chunk of minute 0 is done (the series moved on a day later, past its span); the next is not").hasSize(1);
        assertThat(rawInMapDb.values().iterator().next()).containsExactly(T0, 1);
        assertThat(m15InMapDb).as("the first quarter hour likewise").hasSize(1);
        store.rollback();
        assertThat(rawInMapDb).as("written ahead, not committed").isEmpty();
        assertThat(values("v")).isEmpty();

        series.store(up(1, new Reading("v", T0, 1), new Reading("v", T0 + DAY, 2)));
        store.flush();
        store.writeAhead();
        series.store(up(2, new Reading("v", T0 + 1000, 5))); // late, into the chunk written ahead
        store.flush();
        store.writeAhead();
        store.commit();
        reopen();
        assertThat(values("v")).containsExactly(1.0, 5.0, 2.0);
        assertThat(series.buckets("m1", "v", Resolution.M15, 0, Long.MAX_VALUE, 10))
                .containsExactly(new Bucket(T0, 1, 5, 6, 2), new Bucket(T0 + DAY, 2, 2, 2, 1));
    }
}
