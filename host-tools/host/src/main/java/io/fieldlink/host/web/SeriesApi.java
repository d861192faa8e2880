package io.fieldlink.host.web;

import io.fieldlink.host.ingest.Bucket;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Resolution;
import io.fieldlink.host.ingest.StoredEvent;
import io.fieldlink.host.store.TimeSeriesStore;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.registry.DeviceRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/devices/{id}/series} and {@code /events}, as JSON or CSV. Times are returned as
 * ISO-8601 instants; {@code from} is inclusive, {@code to} exclusive; default is the last day.
 */
final class SeriesApi {
    private final DeviceRegistry registry;
    private final TimeSeriesStore series;
    private final Clock clock;
    private final int maxPoints;

    SeriesApi(DeviceRegistry registry, TimeSeriesStore series, Clock clock, int maxPoints) {
        this.registry = registry;
        this.series = series;
        this.clock = clock;
        this.maxPoints = maxPoints;
    }

    ApiResponse series(ApiRequest req) {
        String id = DeviceApi.find(registry, req.pathParams().get(0)).id();
        String channel = req.query().get("channel");
        if (channel == null || channel.isEmpty()) {
            throw ApiError.badRequest("parameter channel is required");
        }
        long to = req.time("to", clock.millis() + 1);
        long from = req.time("from", to - 86_400_000L);
        if (from > to) {
            throw ApiError.badRequest("from is after to");
        }
        String step = req.query().getOrDefault("step", "raw");
        boolean csv = req.csv();
        if (step.equals("raw")) {
            List<Reading> points = series.readings(id, channel, from, to, maxPoints);
            if (csv) {
                StringBuilder b = new StringBuilder("time,value\n");
                for (Reading r : points) {
                    b.append(Instant.ofEpochMilli(r.timeMillis())).append(',').append(r.value()).append('\n');
                }
                return ApiResponse.csv(b.toString());
            }
            JsonWriter w = header(id, channel, "raw");
            for (Reading r : points) {
                w.beginObject().field("t", Instant.ofEpochMilli(r.timeMillis()).toString()).name("v").value(r.value())
                        .endObject();
            }
            return ApiResponse.json(200, w.endArray().endObject().toString());
        }
        Resolution res;
        try {
            res = Resolution.parse(step);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        List<Bucket> buckets = series.buckets(id, channel, res, res.bucketStart(from), to, maxPoints);
        if (csv) {
            StringBuilder b = new StringBuilder("time,min,max,mean,sum,count\n");
            for (Bucket k : buckets) {
                b.append(Instant.ofEpochMilli(k.start())).append(',').append(k.min()).append(',').append(k.max())
                        .append(',').append(k.mean()).append(',').append(k.sum()).append(',').append(k.count())
                        .append('\n');
            }
            return ApiResponse.csv(b.toString());
        }
        JsonWriter w = header(id, channel, res.wireName());
        for (Bucket k : buckets) {
            w.beginObject().field("t", Instant.ofEpochMilli(k.start()).toString()).name("min").value(k.min())
                    .name("max").value(k.max()).name("mean").value(k.mean()).name("sum").value(k.sum())
                    .field("count", k.count()).endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    ApiResponse events(ApiRequest req) {
        String id = DeviceApi.find(registry, req.pathParams().get(0)).id();
        long to = req.time("to", clock.millis() + 1);
        long from = req.time("from", to - 86_400_000L);
        boolean csv = req.csv();
        List<StoredEvent> events = series.events(id, from, to, maxPoints);
        if (csv) {
            StringBuilder b = new StringBuilder("time,seq,type,body\n");
            for (StoredEvent e : events) {
                b.append(Instant.ofEpochMilli(e.timeMillis())).append(',').append(e.seq()).append(',')
                        .append(csvField(e.type())).append(',').append(csvField(e.body())).append('\n');
            }
            return ApiResponse.csv(b.toString());
        }
        JsonWriter w = new JsonWriter().beginObject().field("device", id).name("events").beginArray();
        for (StoredEvent e : events) {
            w.beginObject().field("t", Instant.ofEpochMilli(e.timeMillis()).toString()).field("seq", e.seq())
                    .field("type", e.type()).field("body", e.body()).endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private static JsonWriter header(String id, String channel, String step) {
        return new JsonWriter().beginObject().field("device", id).field("channel", channel).field("step", step)
                .name("points").beginArray();
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
