package io.fieldlink.host.fleet;

import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.json.JsonException;
import io.fieldlink.host.json.JsonReader;
import io.fieldlink.host.json.JsonWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One device as the fleet view sees it: the latest value of each channel and the state of each
 * alarm it has ever raised. Immutable; {@link #with} returns a copy. Alarm names: {@code alarm
 * <channel> <level>} for an {@code alarm} event (e.g. {@code alarm tubing_pressure HH}),
 * {@code shut-in} for a latched shut-in, {@code tamper} for a meter's tamper report.
 *
 * @param device the device id
 * @param channels latest value per channel name
 * @param alarms state per alarm name
 */
public record DeviceSnapshot(String device, Map<String, ChannelValue> channels, Map<String, AlarmState> alarms) {
    /** The alarm name of a latched shut-in. */
    public static final String SHUT_IN = "shut-in";
    /** The alarm name of a meter's tamper report. */
    public static final String TAMPER = "tamper";

    public DeviceSnapshot {
        channels = Frozen.of(channels);
        alarms = Frozen.of(alarms);
    }

    /** @return a device nothing is known of yet */
    public static DeviceSnapshot empty(String device) {
        return new DeviceSnapshot(device, Map.of(), Map.of());
    }

    /** @return the names of the alarms raised now, sorted */
    public List<String> activeAlarms() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, AlarmState> e : alarms.entrySet()) {
            if (e.getValue().active()) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** @return the latest value of {@code channel}, or null */
    public ChannelValue channel(String channel) {
        return channels.get(channel);
    }

    /**
     * @return this snapshot with {@code uplink}'s readings and events applied: a channel's value
     *         only moves forward in time; alarms change only by events at least as new as their state.
     *         Returns {@code this} when nothing changed.
     */
    public DeviceSnapshot with(Uplink uplink) {
        Edit<ChannelValue> ch = null;
        Edit<AlarmState> al = null;
        for (Reading r : uplink.readings()) {
            ChannelValue old = ch == null ? channels.get(r.channel()) : ch.get(r.channel());
            if (old == null || old.timeMillis() <= r.timeMillis()) {
                if (ch == null) {
                    ch = new Edit<>(Frozen.of(channels));
                }
                ch.put(r.channel(), new ChannelValue(r.timeMillis(), r.value()));
            }
            String alarm = null;
            boolean raised = false;
            if (r.channel().equals("tamper")) {
                alarm = TAMPER;
                raised = r.value() != 0;
            } else if (r.channel().equals("tamper_cleared")) {
                alarm = TAMPER;
            }
            if (alarm != null) {
                al = setAlarm(al, alarm, raised, r.timeMillis());
            }
        }
        for (Event e : uplink.events()) {
            if (e.type().equals("alarm") || e.type().equals("shut-in")) {
                Map<String, Object> body;
                try {
                    body = JsonReader.parseObject(e.body());
                } catch (JsonException ex) {
                    continue;
                }
                if (e.type().equals("alarm")) {
                    al = setAlarm(al, "alarm " + body.get("channel") + " " + body.get("level"),
                            Boolean.TRUE.equals(body.get("raised")), e.timeMillis());
                } else {
                    al = setAlarm(al, SHUT_IN, "latched".equals(body.get("state")), e.timeMillis());
                }
            }
        }
        if (ch == null && al == null) {
            return this;
        }
        // the new maps are handed over frozen (nobody else holds them), the unchanged ones as they are: no copies
        return new DeviceSnapshot(device, ch == null ? channels : ch.freeze(), al == null ? alarms : al.freeze());
    }

    private Edit<AlarmState> setAlarm(Edit<AlarmState> al, String name, boolean raised, long at) {
        Edit<AlarmState> m = al == null ? new Edit<>(Frozen.of(alarms)) : al;
        AlarmState old = m.get(name);
        if (old == null ? raised : old.since() <= at) {
            m.put(name, new AlarmState(raised, at));
        }
        return m;
    }

    /** @return this snapshot as JSON text (the stored form) */
    public String toJson() {
        JsonWriter w = new JsonWriter().beginObject().field("device", device).name("channels").beginObject();
        for (Map.Entry<String, ChannelValue> e : channels.entrySet()) {
            w.name(e.getKey()).beginArray().value(e.getValue().timeMillis()).value(e.getValue().value()).endArray();
        }
        w.endObject().name("alarms").beginObject();
        for (Map.Entry<String, AlarmState> e : alarms.entrySet()) {
            w.name(e.getKey()).beginArray().value(e.getValue().active()).value(e.getValue().since()).endArray();
        }
        return w.endObject().endObject().toString();
    }

    /**
     * @return the snapshot stored as {@code json}
     * @throws IllegalArgumentException when it is not a stored snapshot
     */
    public static DeviceSnapshot fromJson(String json) {
        try {
            Map<String, Object> m = JsonReader.parseObject(json);
            Map<String, ChannelValue> ch = new TreeMap<>();
            for (Map.Entry<String, Object> e : object(m.get("channels")).entrySet()) {
                List<?> p = (List<?>) e.getValue();
                double v = p.get(1) instanceof BigDecimal d ? d.doubleValue() : Double.NaN;
                ch.put(e.getKey(), new ChannelValue(((BigDecimal) p.get(0)).longValue(), v));
            }
            Map<String, AlarmState> al = new TreeMap<>();
            for (Map.Entry<String, Object> e : object(m.get("alarms")).entrySet()) {
                List<?> p = (List<?>) e.getValue();
                al.put(e.getKey(), new AlarmState((Boolean) p.get(0), ((BigDecimal) p.get(1)).longValue()));
            }
            return new DeviceSnapshot((String) m.get("device"), ch, al);
        } catch (JsonException | ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("not a stored device snapshot: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    /**
     * A read-only map sorted by key, held as two arrays, made by this class from a map only it held,
     * so the constructor keeps it as it is instead of copying it again ({@link #with} runs for every
     * stored uplink: changing a channel's value copies one small array, nothing is rebuilt).
     */
    private static final class Frozen<V> extends java.util.AbstractMap<String, V> {
        private final String[] keys;
        private final Object[] values;

        Frozen(String[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        static <V> Frozen<V> of(Map<String, V> m) {
            if (m instanceof Frozen<V> f) {
                return f;
            }
            TreeMap<String, V> sorted = new TreeMap<>(m);
            String[] k = new String[sorted.size()];
            Object[] v = new Object[sorted.size()];
            int i = 0;
            for (Map.Entry<String, V> e : sorted.entrySet()) {
                k[i] = java.util.Objects.requireNonNull(e.getKey(), "key");
                v[i++] = java.util.Objects.requireNonNull(e.getValue(), "value");
            }
            return new Frozen<>(k, v);
        }

        int indexOf(Object key) {
            return key instanceof String k ? java.util.Arrays.binarySearch(keys, k) : -1;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V get(Object key) {
            int i = indexOf(key);
            return i >= 0 ? (V) values[i] : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public java.util.Set<Map.Entry<String, V>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public int size() {
                    return keys.length;
                }

                @Override
                public java.util.Iterator<Map.Entry<String, V>> iterator() {
                    return new java.util.Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < keys.length;
                        }

                        @Override
                        @SuppressWarnings("unchecked")
                        public Map.Entry<String, V> next() {
                            if (i >= keys.length) {
                                throw new java.util.NoSuchElementException();
                            }
                            Map.Entry<String, V> e = new java.util.AbstractMap.SimpleImmutableEntry<>(keys[i], (V) values[i]);
                            i++;
                            return e;
                        }
                    };
                }
            };
        }
    }

    /**
     * Changes to a {@link Frozen} map: a value of a key it has replaces a copy of its values (the keys
     * are shared); a new key makes new arrays. {@link #freeze} hands the result over.
     */
    private static final class Edit<V> {
        private String[] keys;
        private Object[] values;
        private boolean ownValues;

        Edit(Frozen<V> from) {
            keys = from.keys;
            values = from.values;
        }

        @SuppressWarnings("unchecked")
        V get(String key) {
            int i = java.util.Arrays.binarySearch(keys, key);
            return i >= 0 ? (V) values[i] : null;
        }

        void put(String key, V value) {
            int i = java.util.Arrays.binarySearch(keys, key);
            if (i >= 0) {
                if (!ownValues) {
                    values = values.clone();
                    ownValues = true;
                }
                values[i] = value;
                return;
            }
            int at = -i - 1;
            String[] k = new String[keys.length + 1];
            Object[] v = new Object[keys.length + 1];
            System.arraycopy(keys, 0, k, 0, at);
            System.arraycopy(values, 0, v, 0, at);
            k[at] = key;
            v[at] = value;
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            System.arraycopy(values, at, v, at + 1, keys.length - at);
            keys = k;
            values = v;
            ownValues = true;
        }

        Frozen<V> freeze() {
            return new Frozen<>(keys, values);
        }
    }
}
