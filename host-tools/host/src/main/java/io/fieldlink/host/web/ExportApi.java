package io.fieldlink.host.web;

import io.fieldlink.host.auth.Role;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.StoredEvent;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.TimeSeriesStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/export/devices/{id}}: a device's stored raw readings (the channels named) and
 * events over any time span in one paged answer, for bulk read-back (the fleet simulator's report,
 * audits, migrations) instead of one series request per channel and window. Times are epoch
 * milliseconds. A page holds at most {@code limit} rows in all and never splits one instant: when a
 * source has more, the page stops before the earliest instant some source could not finish, and
 * {@code next} says where the next page starts (null at the end). Viewer role; reads only.
 */
public final class ExportApi implements ApiRoutes {
    /** Rows in a page unless {@code limit} says otherwise. */
    public static final int DEFAULT_LIMIT = 50_000;
    /** Most rows one page may hold. */
    public static final int MAX_LIMIT = 500_000;
    /** Most channels one request may name. */
    public static final int MAX_CHANNELS = 64;

    private final DeviceRegistry registry;
    private final TimeSeriesStore series;
    private final Clock clock;

    public ExportApi(DeviceRegistry registry, TimeSeriesStore series, Clock clock) {
        this.registry = registry;
        this.series = series;
        this.clock = clock;
    }

    @Override
    public void addTo(Router r) {
        r.add("GET", "/api/export/devices/{id}", Role.VIEWER, this::export);
    }

    private ApiResponse export(ApiRequest req) {
        String id = DeviceApi.find(registry, req.pathParams().get(0)).id();
        long to = req.time("to", clock.millis() + 1);
        long from = req.time("from", 0);
        if (from >= to) {
            throw ApiError.badRequest("parameter from must be before to");
        }
        long limit = req.number("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiError.badRequest("parameter limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        Set<String> channels = channels(req.query().get("channels"));
        String ev = req.query().getOrDefault("events", "true");
        if (!ev.equals("true") && !ev.equals("false")) {
            throw ApiError.badRequest("parameter events must be true or false, got '" + ev + "'");
        }
        boolean events = ev.equals("true");
        int n = (int) limit;
        // each source is read one row beyond the page: a source that fills it bounds the page
        long cut = to;
        List<List<Reading>> read = new ArrayList<>();
        for (String c : channels) {
            List<Reading> rows = series.readings(id, c, from, to, n + 1);
            if (rows.size() > n) {
                cut = Math.min(cut, rows.get(n).timeMillis());
            }
            read.add(rows);
        }
        List<StoredEvent> evs = events ? series.events(id, from, to, n + 1) : List.of();
        if (evs.size() > n) {
            cut = Math.min(cut, evs.get(n).timeMillis());
        }
        long[] times = timesBefore(read, evs, cut);
        if (times.length > n) {
            java.util.Arrays.sort(times);
            cut = times[n]; // whole instants only: every row before it fits in the page
        }
        if (cut <= from) {
            throw ApiError.badRequest("more than " + n + " rows at one instant (" + from + "): raise limit");
        }
        JsonWriter w = new JsonWriter().beginObject().field("device", id).field("from", from).field("to", to).name("next");
        if (cut < to) {
            w.value(cut);
        } else {
            w.raw("null");
        }
        w.name("readings").beginObject();
        int i = 0;
        for (String c : channels) {
            w.name(c).beginArray();
            for (Reading r : read.get(i++)) {
                if (r.timeMillis() >= cut) {
                    break;
                }
                w.beginArray().value(r.timeMillis()).value(r.value()).endArray();
            }
            w.endArray();
        }
        w.endObject().name("events").beginArray();
        for (StoredEvent e : evs) {
            if (e.timeMillis() >= cut) {
                break;
            }
            w.beginArray().value(e.timeMillis()).value(e.seq()).value(e.type()).value(e.body()).endArray();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private static Set<String> channels(String param) {
        Set<String> out = new LinkedHashSet<>();
        if (param == null || param.isEmpty()) {
            return out;
        }
        for (String c : param.split(",", -1)) {
            if (c.isEmpty() || c.length() > 64 || !c.matches("[A-Za-z0-9_.-]+")) {
                throw ApiError.badRequest("parameter channels: '" + c + "' is not a channel name (letters, digits, _ . -)");
            }
            out.add(c);
        }
        if (out.size() > MAX_CHANNELS) {
            throw ApiError.badRequest("parameter channels: at most " + MAX_CHANNELS + " channels, got " + out.size());
        }
        return out;
    }

    private static long[] timesBefore(List<List<Reading>> read, List<StoredEvent> evs, long cut) {
        int size = evs.size();
        for (List<Reading> rows : read) {
            size += rows.size();
        }
        long[] t = new long[size];
        int k = 0;
        for (List<Reading> rows : read) {
            for (Reading r : rows) {
                if (r.timeMillis() < cut) {
                    t[k++] = r.timeMillis();
                }
            }
        }
        for (StoredEvent e : evs) {
            if (e.timeMillis() < cut) {
                t[k++] = e.timeMillis();
            }
        }
        return java.util.Arrays.copyOf(t, k);
    }
}
