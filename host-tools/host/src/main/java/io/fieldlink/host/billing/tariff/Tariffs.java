package io.fieldlink.host.billing.tariff;

import io.fieldlink.host.billing.Doc;
import io.fieldlink.host.billing.Keys;
import io.fieldlink.host.billing.Tables;
import io.fieldlink.host.json.JsonReader;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.protocol.record.TariffBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The tariff book: tariffs by id (table {@code tariffs}) and each meter's plan of assignments, each
 * from an instant on (table {@code tariff-plan}, {@code meter|from}). Writes run inside a store write;
 * reads anywhere.
 */
public final class Tariffs {
    private final NavigableMap<String, String> tariffs;
    private final NavigableMap<String, String> plan;

    public Tariffs(Tables tables) {
        this.tariffs = tables.table("tariffs");
        this.plan = tables.table("tariff-plan");
    }

    /**
     * Defines a new tariff with the next id.
     *
     * @throws IllegalArgumentException naming the bad field
     */
    public TimeOfUseTariff define(Map<String, Object> body) {
        long id = tariffs.isEmpty() ? 1 : Long.parseLong(tariffs.lastKey()) + 1;
        TimeOfUseTariff t = TimeOfUseTariff.fromJson(id, body);
        tariffs.put(Keys.pad(id), t.write(new JsonWriter()).toString());
        return t;
    }

    /** @return the tariff with this id */
    public Optional<TimeOfUseTariff> find(long id) {
        String json = tariffs.get(Keys.pad(id));
        return json == null ? Optional.empty() : Optional.of(TimeOfUseTariff.fromJson(id, stripId(json)));
    }

    private static Map<String, Object> stripId(String json) {
        Map<String, Object> m = JsonReader.parseObject(json);
        m.remove("id");
        return m;
    }

    /** @return every tariff, by id */
    public List<TimeOfUseTariff> all() {
        List<TimeOfUseTariff> out = new ArrayList<>();
        for (Map.Entry<String, String> e : tariffs.entrySet()) {
            out.add(TimeOfUseTariff.fromJson(Long.parseLong(e.getKey()), stripId(e.getValue())));
        }
        return out;
    }

    /**
     * Assigns a tariff to a meter from {@code fromMillis} on (replacing an assignment at the same instant).
     *
     * @return the signed command's body
     * @throws IllegalArgumentException when the tariff does not exist
     */
    public TariffBody assign(String meter, long tariffId, long fromMillis, long nowMillis) {
        TimeOfUseTariff t = find(tariffId).orElseThrow(() -> new IllegalArgumentException("field \"tariff\": no tariff " + tariffId));
        plan.put(Keys.of(meter, fromMillis), new JsonWriter().beginObject().field("tariff", tariffId)
                .field("from", fromMillis).field("assignedAt", nowMillis).field("command", -1L).endObject().toString());
        return new TariffBody(meter, tariffId, fromMillis, t.flattened());
    }

    /** Notes the command that carries an assignment. */
    public void noteCommand(String meter, long fromMillis, long commandId) {
        String key = Keys.of(meter, fromMillis);
        String json = plan.get(key);
        if (json != null) {
            Doc d = Doc.parse(json);
            plan.put(key, new JsonWriter().beginObject().field("tariff", d.num("tariff", 0)).field("from", fromMillis)
                    .field("assignedAt", d.num("assignedAt", 0)).field("command", commandId).endObject().toString());
        }
    }

    /** One planned assignment. */
    public record Assignment(long tariffId, long fromMillis, long assignedAtMillis, long commandId) {
    }

    /** @return a meter's plan, oldest first */
    public List<Assignment> plan(String meter) {
        List<Assignment> out = new ArrayList<>();
        for (String json : plan.subMap(meter + Keys.SEP, Keys.after(meter)).values()) {
            Doc d = Doc.parse(json);
            out.add(new Assignment(d.num("tariff", 0), d.num("from", 0), d.num("assignedAt", 0), d.num("command", -1)));
        }
        return out;
    }

    /** @return the tariff in force for a meter at an instant, if any was assigned by then */
    public Optional<TimeOfUseTariff> inForce(String meter, long atMillis) {
        Map.Entry<String, String> e = plan.floorEntry(Keys.of(meter, atMillis));
        if (e == null || !e.getKey().startsWith(meter + Keys.SEP)) {
            return Optional.empty();
        }
        return find(Doc.parse(e.getValue()).num("tariff", 0));
    }

    /** The band in force: its label and price, or {@code "unassigned"} with price -1. */
    public record BandAt(String label, long priceMilliPerKwh) {
    }

    /** @return the band in force for a meter at an instant (UTC minutes of the day) */
    public BandAt bandAt(String meter, long atMillis) {
        Optional<TimeOfUseTariff> t = inForce(meter, atMillis);
        if (t.isEmpty()) {
            return new BandAt("unassigned", -1);
        }
        int minute = (int) (Math.floorMod(atMillis, 86_400_000L) / 60_000L);
        int i = t.get().bandAt(minute);
        return new BandAt("tariff " + t.get().id() + " " + t.get().label(i), t.get().bands().get(i).priceMilliPerKwh());
    }
}
