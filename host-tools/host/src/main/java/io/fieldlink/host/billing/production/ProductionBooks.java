package io.fieldlink.host.billing.production;

import io.fieldlink.host.billing.Doc;
import io.fieldlink.host.billing.Keys;
import io.fieldlink.host.billing.Tables;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Daily production per well ({@code production}, {@code well|day} → oil, gas, water litres) and which
 * field each well is in ({@code well-fields}). A wellhead reports a closed gas day as the SenML
 * telemetry {@code daily_oil}, {@code daily_gas} and {@code daily_water} (unit {@code L}, whole
 * litres), timed at the gas day's end (docs/protocol.md, "Channels"). A gas day starts at the
 * board's local close hour, not at UTC midnight, so its total is booked on the UTC day holding the
 * gas day's middle (the reading's time − 12 h): the day it mostly lies in, and the local date it is
 * named by for any close hour within 12 h of UTC midnight. Every newly stored reading is added once
 * (the ingest never tells of a duplicate). Projection on the committer thread; reads anywhere.
 */
public final class ProductionBooks implements StoredUplinkListener {
    /** The fluids, in the order of the volume arrays. */
    public static final List<String> FLUIDS = List.of("oil", "gas", "water");
    /** The wellhead's daily-total channels, in the order of {@link #FLUIDS}. */
    public static final List<String> CHANNELS = List.of("daily_oil", "daily_gas", "daily_water");
    /** How far before a gas day's end its middle lies. */
    private static final long HALF_DAY_MS = 12 * 3_600_000L;

    private final NavigableMap<String, String> production;
    private final NavigableMap<String, String> fields;
    private final Predicate<String> isWell;

    public ProductionBooks(Tables tables, Predicate<String> isWell) {
        this.production = tables.table("production");
        this.fields = tables.table("well-fields");
        this.isWell = isWell;
    }

    @Override
    public void stored(Uplink u) {
        if (!isWell.test(u.device())) {
            return;
        }
        for (Reading r : u.readings()) {
            int fluid = CHANNELS.indexOf(r.channel());
            if (fluid < 0 || !(r.value() >= 0) || Double.isInfinite(r.value())) {
                continue;
            }
            long day = Keys.day(r.timeMillis() - HALF_DAY_MS);
            String key = Keys.of(u.device(), day);
            long[] v = volumes(production.get(key));
            v[fluid] += Math.round(r.value());
            production.put(key, json(v));
        }
    }

    private static long[] volumes(String json) {
        long[] v = new long[3];
        if (json != null) {
            Doc d = Doc.parse(json);
            for (int i = 0; i < 3; i++) {
                v[i] = d.num(FLUIDS.get(i), 0);
            }
        }
        return v;
    }

    private static String json(long[] v) {
        return new JsonWriter().beginObject().field("oil", v[0]).field("gas", v[1]).field("water", v[2]).endObject()
                .toString();
    }

    /** Puts a well in a field (store write). */
    public void assign(String well, String field) {
        fields.put(well, field);
    }

    /** @return the wells of a field */
    public List<String> wellsOf(String field) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getValue().equals(field)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** One day's volumes, litres. */
    public record Day(long day, long oil, long gas, long water) {
    }

    /** @return a well's production per day with {@code fromDay <= day < toDay} */
    public List<Day> well(String well, long fromDay, long toDay) {
        List<Day> out = new ArrayList<>();
        for (Map.Entry<String, String> e : production.subMap(Keys.of(well, Math.max(0, fromDay)),
                Keys.of(well, Math.max(0, toDay))).entrySet()) {
            long[] v = volumes(e.getValue());
            out.add(new Day(Long.parseLong(e.getKey().split("\\|")[1]), v[0], v[1], v[2]));
        }
        return out;
    }

    /** @return a field's production per day (the sum over its wells) */
    public List<Day> field(String field, long fromDay, long toDay) {
        Map<Long, long[]> days = new TreeMap<>();
        for (String well : wellsOf(field)) {
            for (Day d : well(well, fromDay, toDay)) {
                long[] v = days.computeIfAbsent(d.day(), k -> new long[3]);
                v[0] += d.oil();
                v[1] += d.gas();
                v[2] += d.water();
            }
        }
        List<Day> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : days.entrySet()) {
            out.add(new Day(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        }
        return out;
    }
}
