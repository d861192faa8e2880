package io.fieldlink.host.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A time-series store on a fresh host store in a temp directory for each test, reopened at will. */
abstract class OpenTimeSeriesTest {
    static final long MIN = 60_000L;
    static final long DAY = 86_400_000L;
    static final long T0 = 1_763_683_200_000L; // 2025-11-21T00:00:00Z
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

    /** Closes the store (what was not committed is lost, as in a crash without a log) and opens it again. */
    void reopen() {
        store.close();
        open();
    }
}
