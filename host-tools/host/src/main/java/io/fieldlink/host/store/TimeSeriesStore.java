package io.fieldlink.host.store;

import io.fieldlink.host.ingest.Acknowledged;
import io.fieldlink.host.ingest.Bucket;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Resolution;
import io.fieldlink.host.ingest.StoredEvent;
import io.fieldlink.host.ingest.Uplink;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mapdb.BTreeMap;
import org.mapdb.Serializer;

/**
 * Readings, events, rollups and the (device, seq) de-duplication set in the store. {@link #store}
 * and {@link #prune} run on the committer thread; queries are thread-safe.
 */
public final class TimeSeriesStore {
    private static final String SEP = "\u0000";
    private final BTreeMap<Object[], double[]> raw;
    private final Map<Resolution, BTreeMap<Object[], double[]>> rollups = new EnumMap<>(Resolution.class);
    private final BTreeMap<Object[], String> events;
    private final BTreeMap<Object[], String> seen;
    private final BTreeMap<String, Long> contiguous;

    /** Opens the maps in {@code store}. */
    public TimeSeriesStore(HostStore store) {
        raw = store.tupleMap("readings", Serializer.STRING, Serializer.STRING, Serializer.LONG);
        for (Resolution r : Resolution.values()) {
            rollups.put(r, store.tupleMap("rollup-" + r.wireName(), Serializer.STRING, Serializer.STRING, Serializer.LONG));
        }
        events = store.tupleTextMap("events", Serializer.STRING, Serializer.LONG, Serializer.LONG, Serializer.LONG);
        seen = store.tupleTextMap("seen", Serializer.STRING, Serializer.LONG);
        contiguous = store.counterMap("seen-contiguous");
    }

    /**
     * Stores an uplink unless its (device, seq) was stored before. A reading whose (device,
     * channel, time) is already stored is not stored or rolled up again. Committer thread only.
     *
     * @return true when stored, false when it was a duplicate
     */
    public boolean store(Uplink u) {
        if (u.seq() >= 0) {
            Object[] key = {u.device(), u.seq()};
            if (seen.containsKey(key)) {
                return false;
            }
            seen.put(key, "");
        }
        for (Reading r : u.readings()) {
            if (raw.putIfAbsent(new Object[] {u.device(), r.channel(), r.timeMillis()}, new double[] {r.value()}) == null) {
                rollUp(u.device(), r);
            }
        }
        long index = 0;
        for (Event e : u.events()) {
            events.put(new Object[] {u.device(), e.timeMillis(), u.seq(), index++}, e.type() + SEP + e.body());
        }
        return true;
    }

    /** @return true when (device, seq) is stored */
    public boolean contains(String device, long seq) {
        return seen.containsKey(new Object[] {device, seq});
    }

    /**
     * What the device may drop from its journal: the highest seq up to which every seq from 1 is
     * stored (0 when seq 1 is not), and up to {@code maxRanges} inclusive ranges of seqs stored
     * beyond it, ascending. Advances the device's stored watermark, so each seq is walked over
     * about once. Committer thread only (call it in the write that stored the seqs).
     */
    public Acknowledged acknowledged(String device, int maxRanges) {
        long start = contiguous.getOrDefault(device, 0L);
        long highest = start;
        long[] ranges = new long[2 * maxRanges];
        int n = 0;
        long first = -1;
        long last = -1;
        for (Object[] k : seen.subMap(new Object[] {device, start + 1}, true, new Object[] {device, Long.MAX_VALUE}, true)
                .keySet()) {
            long s = (Long) k[1];
            if (first < 0 && s == highest + 1) {
                highest = s;
            } else if (first >= 0 && s == last + 1) {
                last = s;
            } else {
                if (first >= 0) {
                    ranges[n++] = first;
                    ranges[n++] = last;
                    if (n == ranges.length) {
                        first = -1;
                        break;
                    }
                }
                first = s;
                last = s;
            }
        }
        if (first >= 0) {
            ranges[n++] = first;
            ranges[n++] = last;
        }
        if (highest != start) {
            contiguous.put(device, highest);
        }
        return new Acknowledged(highest, java.util.Arrays.copyOf(ranges, n));
    }

    private void rollUp(String device, Reading r) {
        for (Map.Entry<Resolution, BTreeMap<Object[], double[]>> e : rollups.entrySet()) {
            Object[] key = {device, r.channel(), e.getKey().bucketStart(r.timeMillis())};
            double[] b = e.getValue().get(key);
            double v = r.value();
            double[] n = b == null ? new double[] {v, v, v, 1}
                    : new double[] {Math.min(b[0], v), Math.max(b[1], v), b[2] + v, b[3] + 1};
            e.getValue().put(key, n);
        }
    }

    /** @return raw readings of a channel with {@code from <= time < to}, oldest first, at most {@code limit} */
    public List<Reading> readings(String device, String channel, long from, long to, int limit) {
        List<Reading> out = new ArrayList<>();
        for (Map.Entry<Object[], double[]> e : raw.subMap(new Object[] {device, channel, from},
                new Object[] {device, channel, to}).entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(new Reading(channel, (Long) e.getKey()[2], e.getValue()[0]));
        }
        return out;
    }

    /** @return rollup buckets starting in {@code [from, to)}, oldest first, at most {@code limit} */
    public List<Bucket> buckets(String device, String channel, Resolution res, long from, long to, int limit) {
        List<Bucket> out = new ArrayList<>();
        for (Map.Entry<Object[], double[]> e : rollups.get(res).subMap(new Object[] {device, channel, from},
                new Object[] {device, channel, to}).entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            double[] b = e.getValue();
            out.add(new Bucket((Long) e.getKey()[2], b[0], b[1], b[2], (long) b[3]));
        }
        return out;
    }

    /** @return events with {@code from <= time < to}, oldest first, at most {@code limit} */
    public List<StoredEvent> events(String device, long from, long to, int limit) {
        List<StoredEvent> out = new ArrayList<>();
        for (Map.Entry<Object[], String> e : events.subMap(new Object[] {device, from, Long.MIN_VALUE, Long.MIN_VALUE},
                new Object[] {device, to, Long.MIN_VALUE, Long.MIN_VALUE}).entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            Object[] k = e.getKey();
            String v = e.getValue();
            int cut = v.indexOf(SEP);
            out.add(new StoredEvent((Long) k[1], (Long) k[2], (Long) k[3], v.substring(0, cut), v.substring(cut + 1)));
        }
        return out;
    }

    /**
     * Removes raw readings and events older than {@code rawBefore}, and buckets older than the
     * cut-off given for their resolution. Committer thread only.
     *
     * @return entries removed
     */
    public long prune(long rawBefore, Map<Resolution, Long> bucketsBefore) {
        long removed = removeOlder(raw, 2, rawBefore) + removeOlderText(events, 1, rawBefore);
        for (Map.Entry<Resolution, Long> e : bucketsBefore.entrySet()) {
            removed += removeOlder(rollups.get(e.getKey()), 2, e.getValue());
        }
        return removed;
    }

    private static long removeOlder(BTreeMap<Object[], double[]> map, int timeIndex, long before) {
        long n = 0;
        for (Iterator<Object[]> it = map.keySet().iterator(); it.hasNext();) {
            if ((Long) it.next()[timeIndex] < before) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    private static long removeOlderText(BTreeMap<Object[], String> map, int timeIndex, long before) {
        long n = 0;
        for (Iterator<Object[]> it = map.keySet().iterator(); it.hasNext();) {
            if ((Long) it.next()[timeIndex] < before) {
                it.remove();
                n++;
            }
        }
        return n;
    }
}
