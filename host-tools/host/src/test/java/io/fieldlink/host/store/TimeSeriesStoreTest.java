package io.fieldlink.host.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.ingest.Acknowledged;
import io.fieldlink.host.ingest.Uplink;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesStoreTest {
    @TempDir
    Path dir;
    HostStore store;
    TimeSeriesStore series;

    @BeforeEach
    void open() {
        store = HostStore.open(dir);
        series = new TimeSeriesStore(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

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
        store.commit();
        store.close();
        store = HostStore.open(dir);
        series = new TimeSeriesStore(store);
        stored("m1", 4);
        assertThat(series.acknowledged("m1", 4).highestContiguous()).isEqualTo(4);
    }
}
