package io.fieldlink.host.prediction;

import io.fieldlink.host.ingest.Bucket;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Resolution;
import io.fieldlink.host.ingest.StoredEvent;
import java.util.List;

/** Read-only access to stored readings, rollups and events (the store implements it). Thread-safe. */
public interface SeriesSource {
    /** @return raw readings with {@code from <= time < to}, oldest first, at most {@code limit} */
    List<Reading> readings(String device, String channel, long from, long to, int limit);

    /** @return rollup buckets starting in {@code [from, to)}, oldest first, at most {@code limit} */
    List<Bucket> buckets(String device, String channel, Resolution res, long from, long to, int limit);

    /** @return events with {@code from <= time < to}, oldest first, at most {@code limit} */
    List<StoredEvent> events(String device, long from, long to, int limit);
}
