package io.fieldlink.host.billing.tariff;

import io.fieldlink.host.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A time-of-use tariff: bands of the (UTC) day, each from a start minute to the next band's start,
 * with a price in milli-units per kWh. The first band starts at minute 0; starts ascend and are whole
 * hours (what meters accept). Immutable.
 *
 * @param id the tariff id, as pushed to meters
 * @param name a label for people
 * @param bands the bands in order
 */
public record TimeOfUseTariff(long id, String name, List<Band> bands) {
    /** Most bands in one tariff. */
    public static final int MAX_BANDS = 24;
    /** Highest price accepted, milli-units per kWh (the meter's limit). */
    public static final long MAX_PRICE = 1_000_000_000L;

    /**
     * One band.
     *
     * @param startMinute minute of the day it starts, 0..1439, a whole hour
     * @param priceMilliPerKwh price, milli-units per kWh
     */
    public record Band(int startMinute, long priceMilliPerKwh) {
        /** @return e.g. {@code 07:00} */
        public String start() {
            return String.format("%02d:%02d", startMinute / 60, startMinute % 60);
        }
    }

    public TimeOfUseTariff {
        bands = List.copyOf(bands);
    }

    /**
     * Reads a tariff from a JSON body {@code {"name": ..., "bands": [{"start": "HH:MM", "price": n}, ...]}}.
     *
     * @throws IllegalArgumentException naming the bad field
     */
    public static TimeOfUseTariff fromJson(long id, Map<String, Object> body) {
        for (String k : body.keySet()) {
            if (!k.equals("name") && !k.equals("bands")) {
                throw new IllegalArgumentException("unknown field \"" + k + "\"");
            }
        }
        Object name = body.get("name");
        if (name != null && !(name instanceof String)) {
            throw new IllegalArgumentException("field \"name\" must be a string");
        }
        if (name != null && ((String) name).length() > 100) {
            throw new IllegalArgumentException("field \"name\" is longer than 100 characters");
        }
        if (!(body.get("bands") instanceof List<?> raw) || raw.isEmpty()) {
            throw new IllegalArgumentException("field \"bands\" must be a non-empty array");
        }
        if (raw.size() > MAX_BANDS) {
            throw new IllegalArgumentException("field \"bands\" has more than " + MAX_BANDS + " bands");
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = "bands[" + i + "]";
            if (!(raw.get(i) instanceof Map<?, ?> b)) {
                throw new IllegalArgumentException(at + " must be an object {\"start\", \"price\"}");
            }
            int start = minute(b.get("start"), at + ".start");
            long price = price(b.get("price"), at + ".price");
            if (i == 0 && start != 0) {
                throw new IllegalArgumentException(at + ".start: the first band must start at 00:00");
            }
            if (i > 0 && start <= bands.get(i - 1).startMinute()) {
                throw new IllegalArgumentException(at + ".start: bands must start in ascending order");
            }
            bands.add(new Band(start, price));
        }
        return new TimeOfUseTariff(id, name == null ? "tariff " + id : (String) name, bands);
    }

    private static int minute(Object v, String field) {
        if (!(v instanceof String s) || s.length() != 5 || s.charAt(2) != ':') {
            throw new IllegalArgumentException(field + " must be \"HH:MM\"");
        }
        int h;
        int m;
        try {
            h = Integer.parseInt(s.substring(0, 2));
            m = Integer.parseInt(s.substring(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be \"HH:MM\"", e);
        }
        if (h < 0 || h > 23 || m != 0) {
            throw new IllegalArgumentException(field + " must be a whole hour from 00:00 to 23:00 (meters switch bands on the hour)");
        }
        return h * 60;
    }

    private static long price(Object v, String field) {
        if (!(v instanceof java.math.BigDecimal d)) {
            throw new IllegalArgumentException(field + " must be an integer (milli-units per kWh)");
        }
        long p;
        try {
            p = d.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " must be an integer (milli-units per kWh)", e);
        }
        if (p < 0 || p > MAX_PRICE) {
            throw new IllegalArgumentException(field + " must be 0.." + MAX_PRICE);
        }
        return p;
    }

    /** @return the index of the band in force at a minute of the day */
    public int bandAt(int minuteOfDay) {
        int found = 0;
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).startMinute() <= minuteOfDay) {
                found = i;
            }
        }
        return found;
    }

    /** @return a band's label, e.g. {@code 07:00-19:00} */
    public String label(int index) {
        String end = index + 1 < bands.size() ? bands.get(index + 1).start() : "24:00";
        return bands.get(index).start() + "-" + end;
    }

    /** @return the flattened [start minute, price] pairs of a TariffBody */
    public long[] flattened() {
        long[] out = new long[bands.size() * 2];
        for (int i = 0; i < bands.size(); i++) {
            out[2 * i] = bands.get(i).startMinute();
            out[2 * i + 1] = bands.get(i).priceMilliPerKwh();
        }
        return out;
    }

    /** Writes the tariff as a JSON object. */
    public JsonWriter write(JsonWriter w) {
        w.beginObject().field("id", id).field("name", name).name("bands").beginArray();
        for (Band b : bands) {
            w.beginObject().field("start", b.start()).field("price", b.priceMilliPerKwh()).endObject();
        }
        return w.endArray().endObject();
    }
}
