package io.fieldlink.host.store;

import io.fieldlink.host.ingest.Acknowledged;
import io.fieldlink.host.ingest.Bucket;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Resolution;
import io.fieldlink.host.ingest.StoredEvent;
import io.fieldlink.host.ingest.Uplink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.mapdb.BTreeMap;
import org.mapdb.Serializer;

/**
 * Readings, events, rollups and the (device, seq) de-duplication state in the store.
 *
 * <p>Layout, chosen so that one commit writes each touched entry once: every (device, channel) has a
 * number ({@link SeriesIds}); raw readings live in variable-length <em>chunks</em> keyed {@code id << 32
 * | minute}: the chunk starting at that minute holds the series' (time, value) pairs, sorted by time,
 * from that minute until the next chunk's start. A series appends to its last chunk until it holds
 * {@value #CHUNK_POINTS} readings or a reading comes {@value #CHUNK_MINUTES} minutes or more after
 * its start; the next reading in a later minute starts a new chunk. So a sparse series (a meter
 * reporting every 15 minutes) puts up to a day of readings into one entry instead of one entry per
 * reading, and a dense one (several readings a second) still gets one chunk per minute. A late reading
 * goes into the chunk holding its minute (the floor chunk), one before every chunk starts its own;
 * a query starts at the floor chunk of its {@code from}. One-minute buckets written by the layout
 * before chunks are chunks under this reading (no migration; a host before chunks must not open a
 * directory written with them: it would miss the head of a chunk starting before a query's
 * {@code from}). Rollups are keyed {@code id << 32 | bucket index} per resolution and hold {min, max,
 * sum, count}. A device's stored seqs are a watermark (every seq up to it is stored) plus the few
 * seqs stored beyond it.
 *
 * <p>Write-behind: during a group, buckets, rollups and watermarks are gathered in memory; at the
 * group's end ({@link #beforeFlush}) they are published to an in-memory <em>overlay</em> (immutable
 * values in concurrent maps), and only the commit ({@link #beforeCommit}: with the ingest log, the
 * checkpoint) writes each entry touched since the last commit into MapDB once; the overlay is then
 * emptied, so it holds at most what one checkpoint interval touched. Queries read the overlay over
 * MapDB, so what a group stored is visible as soon as the group is durable. A rollback forgets the
 * overlay with the rest (the ingest log re-applies what was acknowledged).
 *
 * <p>{@link #store}, {@link #acknowledged} and {@link #prune} run on the committer thread; queries
 * are thread-safe and see every published group.
 */
public final class TimeSeriesStore implements CommitHook {
    /** Granularity of raw chunk starts (a chunk's key is the minute it starts at). */
    static final long RAW_BUCKET_MS = 60_000L;
    /** A raw chunk holding this many points is closed: the series' next reading in a later minute starts a new one. */
    static final int CHUNK_POINTS = 128;
    /** A raw chunk is closed for readings this many minutes or more after its start (a day). */
    static final long CHUNK_MINUTES = 24 * 60;
    private static final long MAX_INDEX = 0xFFFF_FFFFL;
    private static final int CACHED_WATERMARKS = 100_000;
    private static final String SEP = "\u0000";
    private static final Resolution[] RESOLUTIONS = Resolution.values();
    /** A cursor's bound before it is read from the store. */
    private static final long UNKNOWN = Long.MIN_VALUE;
    private final SeriesIds ids;
    /** Per series id, what its last reading changed in the current group; valid while its group is {@link #group}. */
    private Cursor[] cursors = new Cursor[1024];
    /** Counts groups: bumped whenever the pending buckets are published or dropped (a cursor's entries then join the next group anew). */
    private long group;
    private final BTreeMap<Long, double[]> raw;
    private final Map<Resolution, BTreeMap<Long, double[]>> rollups = new EnumMap<>(Resolution.class);
    private final BTreeMap<Object[], String> events;
    private final BTreeMap<Object[], String> seen;
    private final BTreeMap<String, Long> contiguous;
    /** Raw chunks this group changed that their series' cursor left (sorted: an out-of-order reading looks up its floor chunk). */
    private final java.util.TreeMap<Long, RawBucket> pendingRaw = new java.util.TreeMap<>();
    private final Map<Resolution, Map<Long, double[]>> pendingRollups = new EnumMap<>(Resolution.class);
    private final Map<String, Watermark> watermarks = new HashMap<>();
    private final List<Watermark> dirtyMarks = new ArrayList<>();
    /** Raw buckets published since the last commit (a slot's value is replaced, never changed). */
    private final ConcurrentSkipListMap<Long, Slot> rawOverlay = new ConcurrentSkipListMap<>();
    /** Rollups published since the last commit, per resolution (a slot's value is replaced, never changed). */
    private final Map<Resolution, ConcurrentSkipListMap<Long, Slot>> rollupOverlay = new EnumMap<>(Resolution.class);
    /** Fewest overlay entries {@link #writeAhead} may write between two groups. */
    private static final int WRITE_AHEAD = 256;
    /** Overlay entries published by the group being published ({@link #published}) and by the last one. */
    private int published;
    private int publishedLastGroup;
    /** Keys their series moved past since the overlay was emptied, for {@link #writeAhead}: raw (0), each rollup (1..3). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final java.util.ArrayDeque<Long>[] done = new java.util.ArrayDeque[] {new java.util.ArrayDeque<Long>(),
        new java.util.ArrayDeque<Long>(), new java.util.ArrayDeque<Long>(), new java.util.ArrayDeque<Long>()};
    /** Counts emptyings of the overlay: a slot of an earlier epoch is no longer in it. */
    private long overlayEpoch;
    /** The cursors that took a reading in this group. */
    private final List<Cursor> touched = new ArrayList<>();
    /** Watermarks published since the last commit: device → highest seq up to which all are stored. */
    private final ConcurrentHashMap<String, Long> marksOverlay = new ConcurrentHashMap<>();

    /** Opens the maps in {@code store} and registers as its commit hook. */
    public TimeSeriesStore(HostStore store) {
        ids = new SeriesIds(store);
        raw = store.longDoublesMap("raw-1m");
        for (Resolution r : Resolution.values()) {
            rollups.put(r, store.longSmallDoublesMap("rollups-" + r.wireName()));
            pendingRollups.put(r, new HashMap<>());
            rollupOverlay.put(r, new ConcurrentSkipListMap<>());
        }
        events = store.tupleTextMap("events", Serializer.STRING, Serializer.LONG, Serializer.LONG, Serializer.LONG);
        seen = store.tupleTextMap("seen", Serializer.STRING, Serializer.LONG);
        contiguous = store.counterMap("seen-contiguous");
        store.addCommitHook(ids);
        store.addCommitHook(this);
    }

    /**
     * Moves readings and rollups kept in the layout before one-long keys (maps {@code readings} and
     * {@code rollup-15m/1h/1d}, keyed by (device, channel, time)) into this layout, then empties the
     * old maps. Committer thread only, inside a write; a no-op when there is nothing to move.
     *
     * @return entries moved
     */
    public long migrateTupleLayout(HostStore store) {
        long moved = 0;
        if (store.exists("readings")) {
            BTreeMap<Object[], double[]> old = store.tupleMap("readings", Serializer.STRING, Serializer.STRING,
                    Serializer.LONG);
            for (Map.Entry<Object[], double[]> e : old.entrySet()) {
                Object[] k = e.getKey();
                long t = (Long) k[2];
                if (t < 0 || t > Reading.MAX_TIME_MS) {
                    continue;
                }
                long rk = key(ids.assign((String) k[0], (String) k[1]), t / RAW_BUCKET_MS);
                RawBucket b = pendingRaw.get(rk);
                if (b == null) {
                    b = new RawBucket(raw.get(rk));
                    pendingRaw.put(rk, b);
                }
                b.insert(t, e.getValue()[0]);
                moved++;
            }
            old.clear();
        }
        for (Resolution r : Resolution.values()) {
            String name = "rollup-" + r.wireName();
            if (!store.exists(name)) {
                continue;
            }
            BTreeMap<Object[], double[]> old = store.tupleMap(name, Serializer.STRING, Serializer.STRING, Serializer.LONG);
            for (Map.Entry<Object[], double[]> e : old.entrySet()) {
                Object[] k = e.getKey();
                long start = (Long) k[2];
                if (start < 0 || start > Reading.MAX_TIME_MS) {
                    continue;
                }
                long rk = key(ids.assign((String) k[0], (String) k[1]), start / r.millis());
                double[] b = e.getValue();
                double[] agg = pendingRollups.get(r).get(rk);
                if (agg == null) {
                    double[] stored = rollups.get(r).get(rk);
                    agg = stored == null ? b.clone() : new double[] {Math.min(stored[0], b[0]), Math.max(stored[1], b[1]),
                            stored[2] + b[2], stored[3] + b[3]};
                } else {
                    agg = new double[] {Math.min(agg[0], b[0]), Math.max(agg[1], b[1]), agg[2] + b[2], agg[3] + b[3]};
                }
                pendingRollups.get(r).put(rk, agg);
                moved++;
            }
            old.clear();
        }
        // what was moved bypassed the cursors' bounds: publish it (it was durable in the old maps) and
        // let the bounds be read again from the overlay and MapDB
        beforeFlush();
        Arrays.fill(cursors, null);
        return moved;
    }

    private static long key(long id, long index) {
        return id << 32 | Math.max(0, Math.min(index, MAX_INDEX));
    }

    /**
     * Stores an uplink unless its (device, seq) was stored before. A reading whose (device,
     * channel, time) is already stored is not stored or rolled up again. Committer thread only.
     *
     * @return true when stored, false when it was a duplicate
     * @throws IllegalArgumentException when a reading's time is outside 0..{@link Reading#MAX_TIME_MS}
     */
    public boolean store(Uplink u) {
        for (Reading r : u.readings()) {
            if (r.timeMillis() < 0 || r.timeMillis() > Reading.MAX_TIME_MS) {
                throw new IllegalArgumentException("reading time " + r.timeMillis() + " is out of range");
            }
        }
        if (u.seq() >= 0 && !watermark(u.device()).add(u.seq())) {
            return false;
        }
        if (!u.readings().isEmpty()) {
            Map<String, Long> channels = ids.channelsOf(u.device());
            for (Reading r : u.readings()) {
                storeReading(ids.assign(u.device(), channels, r.channel()), r.timeMillis(), r.value());
            }
        }
        long index = 0;
        for (Event e : u.events()) {
            events.put(new Object[] {u.device(), e.timeMillis(), u.seq(), index++}, e.type() + SEP + e.body());
        }
        return true;
    }

    /**
     * Inserts one reading into its raw chunk and, when new, adds it to its three rollups. The
     * series' {@link Cursor} holds the raw chunk and rollups its last reading changed (in this group
     * or an earlier one), so the next reading of the series (nearly always in the same chunk and
     * rollups) reaches them without a map lookup; any other chunk or rollup is found as before
     * (pending, overlay, MapDB) and becomes the cursor's. A reading at or after the start of the
     * series' last chunk goes into it, or starts a new chunk at its minute when that one is closed
     * ({@link RawBucket#closedFor}); an earlier one goes into the chunk holding its minute.
     */
    private void storeReading(long id, long t, double v) {
        Cursor c = cursor(id);
        if (c.touched != group) {
            c.touched = group;
            touched.add(c);
        }
        long minute = t / RAW_BUCKET_MS;
        long k = key(id, minute);
        if (c.rawHigh == UNKNOWN) {
            c.rawHigh = highestKey(id, rawOverlay, raw);
        }
        // the chunk holding minute k: the series' last chunk when k is at or after its start (nearly
        // always, and nearly always the cursor's), else the floor chunk looked up
        long floor = k >= c.rawHigh ? c.rawHigh : floorChunk(c, id, k);
        RawBucket b;
        if (floor < key(id, 0)) {
            // earlier than any chunk of the series (or its first): a new chunk starts at k
            b = moveRaw(c, k, true);
        } else {
            b = moveRaw(c, floor, false);
            if (floor == c.rawHigh && k > floor && b.closedFor(minute, floor & MAX_INDEX)) {
                b = moveRaw(c, k, true);
            }
        }
        if (!b.insert(t, v)) {
            return;
        }
        for (int i = 0; i < RESOLUTIONS.length; i++) {
            long rk = key(id, t / RESOLUTIONS[i].millis());
            double[] agg = c.aggs[i];
            if (agg == null || c.rollupKeys[i] != rk) {
                if (agg != null && c.aggGroups[i] == group) {
                    pendingRollups.get(RESOLUTIONS[i]).put(c.rollupKeys[i], agg);
                }
                if (agg != null && rk > c.rollupKeys[i]) {
                    done[i + 1].add(c.rollupKeys[i]);
                }
                agg = pendingRollup(c, id, i, rk, v);
                c.aggs[i] = agg;
                c.rollupKeys[i] = rk;
                c.aggGroups[i] = group;
            } else if (c.aggGroups[i] != group) {
                // published by an earlier group, where readers may hold it: this group changes a copy
                agg = agg.clone();
                c.aggs[i] = agg;
                c.aggGroups[i] = group;
            }
            agg[0] = Math.min(agg[0], v);
            agg[1] = Math.max(agg[1], v);
            agg[2] += v;
            agg[3] += 1;
        }
    }

    /** @return the series' cursor (new when the series was not written since the cursors were last dropped) */
    private Cursor cursor(long id) {
        int i = (int) id;
        if (i >= cursors.length) {
            cursors = Arrays.copyOf(cursors, Math.max(i + 1, cursors.length * 2));
        }
        Cursor c = cursors[i];
        if (c == null) {
            c = new Cursor();
            cursors[i] = c;
        }
        return c;
    }

    /** @return the highest key in {@code id}'s range of {@code overlay} or {@code base}, or {@code key(id, 0) - 1} when none */
    private static long highestKey(long id, java.util.NavigableMap<Long, ?> overlay, BTreeMap<Long, double[]> base) {
        long none = key(id, 0) - 1;
        long high = none;
        for (Long k : new Long[] {overlay.floorKey(key(id, MAX_INDEX)), base.floorKey(key(id, MAX_INDEX))}) {
            if (k != null && k > none) {
                high = Math.max(high, k);
            }
        }
        return high;
    }

    /**
     * Makes raw chunk {@code k} the cursor's, changeable by this group. The chunk it leaves goes to
     * the pending map when this group changed it (published from there) and, when the series moves
     * forward, to the chunks {@link #writeAhead} may write.
     *
     * @param fresh {@code k} is a new chunk (nothing stored for it)
     */
    private RawBucket moveRaw(Cursor c, long k, boolean fresh) {
        RawBucket b = c.raw;
        if (b != null && c.rawKey == k) {
            if (c.rawGroup != group) {
                // the chunk as an earlier group left it, which is what is stored for k: this group changes it on
                b.changed = false;
                c.rawGroup = group;
            }
            return b;
        }
        if (b != null && c.rawGroup == group) {
            // left in this group for another chunk: published from the pending map
            pendingRaw.put(c.rawKey, b);
        }
        if (b != null && k > c.rawKey) {
            done[0].add(c.rawKey);
        }
        if (fresh) {
            b = new RawBucket(null);
            c.rawHigh = Math.max(c.rawHigh, k);
        } else {
            b = pendingRaw.remove(k);
            if (b == null) {
                Slot published = rawOverlay.get(k);
                // not in the overlay: MapDB holds it (what was written ahead included: this transaction's writes read back)
                b = new RawBucket(published != null ? published.value : raw.get(k));
                b.slot = published;
            }
        }
        c.raw = b;
        c.rawKey = k;
        c.rawGroup = group;
        return b;
    }

    /**
     * @return the key of the series' raw chunk starting at or before {@code k} (the cursor's, this
     *     group's pending ones, the overlay's or MapDB's), or {@code key(id, 0) - 1} when none
     */
    private long floorChunk(Cursor c, long id, long k) {
        long floor = key(id, 0) - 1;
        if (c.raw != null && c.rawKey <= k) {
            floor = c.rawKey;
        }
        for (Long f : new Long[] {pendingRaw.floorKey(k), rawOverlay.floorKey(k), raw.floorKey(k)}) {
            if (f != null && f > floor) {
                floor = f;
            }
        }
        return floor;
    }

    /**
     * @return the key of the raw chunk a query from {@code k} starts at: the series' chunk starting
     *     at or before {@code k} in the overlay or MapDB, else {@code k}
     */
    private long queryFloor(long id, long k) {
        long none = key(id, 0) - 1;
        long floor = none;
        // the overlay first: it is emptied once MapDB holds it
        for (Long f : new Long[] {rawOverlay.floorKey(k), raw.floorKey(k)}) {
            if (f != null && f > floor) {
                floor = f;
            }
        }
        return floor == none ? k : floor;
    }

    /**
     * @return rollup {@code rk} ({min, max, sum, count}) to become the cursor's, changeable by this
     *     group: taken out of the pending map when this group changed it already, else a copy of
     *     what is stored (new when later than any rollup of the series); sets the cursor's slot
     */
    private double[] pendingRollup(Cursor c, long id, int i, long rk, double v) {
        Resolution res = RESOLUTIONS[i];
        c.slots[i] = null;
        if (c.rollupHigh[i] == UNKNOWN) {
            c.rollupHigh[i] = highestKey(id, rollupOverlay.get(res), rollups.get(res));
        }
        if (rk > c.rollupHigh[i]) {
            c.rollupHigh[i] = rk;
            return new double[] {v, v, 0, 0};
        }
        double[] agg = pendingRollups.get(res).remove(rk);
        if (agg == null) {
            Slot published = rollupOverlay.get(res).get(rk);
            double[] storedAgg = published != null ? published.value : rollups.get(res).get(rk);
            agg = storedAgg == null ? new double[] {v, v, 0, 0} : storedAgg.clone();
            c.slots[i] = published;
        }
        return agg;
    }

    /** @return the slot now holding {@code value} for {@code key}: {@code known} when it is still in the overlay */
    private Slot publish(ConcurrentSkipListMap<Long, Slot> overlay, Slot known, long key, double[] value) {
        published++;
        if (known != null && known.epoch == overlayEpoch) {
            known.value = value;
            return known;
        }
        Slot s = new Slot(overlayEpoch, value);
        Slot before = overlay.putIfAbsent(key, s);
        if (before != null) {
            before.value = value;
            return before;
        }
        return s;
    }

    private Watermark watermark(String device) {
        Watermark w = watermarks.get(device);
        if (w == null) {
            w = new Watermark(device, contiguous.getOrDefault(device, 0L));
            for (Object[] k : seen.subMap(new Object[] {device, w.highest + 1}, true,
                    new Object[] {device, Long.MAX_VALUE}, true).keySet()) {
                w.load((Long) k[1]);
            }
            w.absorb();
            watermarks.put(device, w);
        }
        return w;
    }

    /** @return true when (device, seq) is stored (in a published group) */
    public boolean contains(String device, long seq) {
        Long published = marksOverlay.get(device);
        long highest = published != null ? published : contiguous.getOrDefault(device, 0L);
        return seq <= highest || seen.containsKey(new Object[] {device, seq});
    }

    /**
     * What the device may drop from its journal: the highest seq up to which every seq from 1 is
     * stored (0 when seq 1 is not), and up to {@code maxRanges} inclusive ranges of seqs stored
     * beyond it, ascending. Committer thread only (call it in the write that stored the seqs).
     */
    public Acknowledged acknowledged(String device, int maxRanges) {
        Watermark w = watermark(device);
        long[] ranges = new long[2 * maxRanges];
        int n = 0;
        for (Map.Entry<Long, Long> e : w.beyond.entrySet()) {
            if (n == ranges.length) {
                break;
            }
            ranges[n++] = e.getKey();
            ranges[n++] = e.getValue();
        }
        return new Acknowledged(w.highest, Arrays.copyOf(ranges, n));
    }

    /**
     * Publishes what this group gathered to the overlay; nothing is written into MapDB. The entries
     * a series' cursor holds go into the slots the cursor kept (a volatile write, no map update
     * when the slot is still in the overlay); those it left during the group, from the pending maps.
     */
    @Override
    public void beforeFlush() {
        for (Watermark w : dirtyMarks) {
            marksOverlay.put(w.device, w.highest);
            w.dirty = false;
        }
        dirtyMarks.clear();
        published = 0;
        for (Cursor c : touched) {
            if (c.raw != null && c.rawGroup == group && c.raw.changed) {
                c.raw.slot = publish(rawOverlay, c.raw.slot, c.rawKey, c.raw.pairs());
            }
            for (int i = 0; i < RESOLUTIONS.length; i++) {
                if (c.aggs[i] != null && c.aggGroups[i] == group) {
                    // not changed after this: the next group changes a copy
                    c.slots[i] = publish(rollupOverlay.get(RESOLUTIONS[i]), c.slots[i], c.rollupKeys[i], c.aggs[i]);
                }
            }
        }
        touched.clear();
        for (Map.Entry<Long, RawBucket> e : pendingRaw.entrySet()) {
            RawBucket b = e.getValue();
            if (b.changed) {
                b.slot = publish(rawOverlay, b.slot, e.getKey(), b.pairs());
            }
        }
        pendingRaw.clear();
        for (Map.Entry<Resolution, Map<Long, double[]>> e : pendingRollups.entrySet()) {
            ConcurrentSkipListMap<Long, Slot> overlay = rollupOverlay.get(e.getKey());
            for (Map.Entry<Long, double[]> r : e.getValue().entrySet()) {
                publish(overlay, null, r.getKey(), r.getValue());
            }
            e.getValue().clear();
        }
        publishedLastGroup = published;
        group++;
    }

    /** Publishes this group, then writes every entry published since the last commit into MapDB, once each. */
    @Override
    public void beforeCommit() {
        beforeFlush();
        writeOverlay();
    }

    /** Writes every overlay entry into MapDB that is not there with its current value yet (see {@link #writeAhead}). */
    private void writeOverlay() {
        for (Map.Entry<String, Long> e : marksOverlay.entrySet()) {
            contiguous.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<Long, Slot> e : rawOverlay.entrySet()) {
            write(e.getKey(), e.getValue(), raw);
        }
        for (Map.Entry<Resolution, ConcurrentSkipListMap<Long, Slot>> e : rollupOverlay.entrySet()) {
            BTreeMap<Long, double[]> map = rollups.get(e.getKey());
            for (Map.Entry<Long, Slot> b : e.getValue().entrySet()) {
                write(b.getKey(), b.getValue(), map);
            }
        }
    }

    private static void write(long key, Slot slot, BTreeMap<Long, double[]> map) {
        double[] v = slot.value;
        if (v != slot.written) {
            map.put(key, v);
            slot.written = v;
        }
    }

    /**
     * Writes up to {@value #WRITE_AHEAD} (or twice as many as the last group published) overlay
     * entries that their series moved past (a raw chunk or rollup left for a later one: readings
     * nearly always come in time order, so these are done) into MapDB, uncommitted, so the
     * checkpoint writes only what is still changing. An entry changed after it was written ahead is
     * written again by the checkpoint ({@link Slot#written} no longer its value), so the commit
     * holds exactly what the overlay holds; a rollback drops these writes with the rest.
     */
    @Override
    public void writeAhead() {
        // at least twice what the last group published, so the done part of the overlay is written as fast as it grows
        int budget = Math.max(WRITE_AHEAD, 2 * publishedLastGroup);
        budget = writeAhead(done[0], rawOverlay, raw, budget);
        for (int i = 0; i < RESOLUTIONS.length && budget > 0; i++) {
            budget = writeAhead(done[i + 1], rollupOverlay.get(RESOLUTIONS[i]), rollups.get(RESOLUTIONS[i]), budget);
        }
    }

    /** @return the budget left */
    private static int writeAhead(java.util.ArrayDeque<Long> keys, ConcurrentSkipListMap<Long, Slot> overlay,
            BTreeMap<Long, double[]> map, int budget) {
        while (budget > 0 && !keys.isEmpty()) {
            long k = keys.poll();
            Slot slot = overlay.get(k);
            if (slot != null && slot.value != slot.written) {
                write(k, slot, map);
                budget--;
            }
        }
        return budget;
    }

    /** Empties the overlay once MapDB holds all of it (readers read the overlay first, then MapDB). */
    private void clearOverlay() {
        overlayEpoch++;
        for (java.util.ArrayDeque<Long> d : done) {
            d.clear();
        }
        marksOverlay.clear();
        rawOverlay.clear();
        for (Map<Long, Slot> m : rollupOverlay.values()) {
            m.clear();
        }
    }

    /** @return entries held in memory for the next commit (raw chunks, rollups, watermarks) */
    public int overlaySize() {
        int n = marksOverlay.size() + rawOverlay.size();
        for (Map<Long, Slot> m : rollupOverlay.values()) {
            n += m.size();
        }
        return n;
    }

    @Override
    public void afterCommit() {
        clearOverlay();
        if (watermarks.size() > CACHED_WATERMARKS) {
            watermarks.clear();
        }
    }

    @Override
    public void afterRollback() {
        group++;
        Arrays.fill(cursors, null);
        touched.clear();
        clearOverlay();
        pendingRaw.clear();
        for (Map<Long, double[]> m : pendingRollups.values()) {
            m.clear();
        }
        watermarks.clear();
        dirtyMarks.clear();
    }

    /** @return raw readings of a channel with {@code from <= time < to}, oldest first, at most {@code limit} */
    public List<Reading> readings(String device, String channel, long from, long to, int limit) {
        List<Reading> out = new ArrayList<>();
        long id = ids.idOf(device, channel);
        if (id < 0 || to <= 0 || from >= to) {
            return out;
        }
        // the chunk holding from may start before it
        long lo = queryFloor(id, key(id, Math.floorDiv(Math.max(from, 0), RAW_BUCKET_MS)));
        long hi = key(id, (to - 1) / RAW_BUCKET_MS);
        for (Iterator<Map.Entry<Long, double[]>> it = Overlaid.range(rawOverlay, raw, lo, hi); it.hasNext();) {
            double[] pairs = it.next().getValue();
            for (int i = 0; i < pairs.length; i += 2) {
                long t = (long) pairs[i];
                if (t < from || t >= to) {
                    // the head of the chunk holding from; the tail of the last chunk (it may run past to)
                    continue;
                }
                if (out.size() >= limit) {
                    return out;
                }
                out.add(new Reading(channel, t, pairs[i + 1]));
            }
        }
        return out;
    }

    /** @return rollup buckets starting in {@code [from, to)}, oldest first, at most {@code limit} */
    public List<Bucket> buckets(String device, String channel, Resolution res, long from, long to, int limit) {
        List<Bucket> out = new ArrayList<>();
        long id = ids.idOf(device, channel);
        if (id < 0 || to <= 0 || from >= to) {
            return out;
        }
        long lo = key(id, Math.floorDiv(Math.max(from, 0), res.millis()));
        long hi = key(id, (to - 1) / res.millis());
        for (Iterator<Map.Entry<Long, double[]>> it = Overlaid.range(rollupOverlay.get(res), rollups.get(res), lo, hi);
                it.hasNext();) {
            Map.Entry<Long, double[]> e = it.next();
            long start = (e.getKey() & MAX_INDEX) * res.millis();
            if (start < from || start >= to) {
                continue;
            }
            if (out.size() >= limit) {
                break;
            }
            double[] b = e.getValue();
            out.add(new Bucket(start, b[0], b[1], b[2], (long) b[3]));
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
     * Removes raw readings of the minutes before {@code rawBefore}'s minute (whole chunks when all
     * their points are; the one chunk holding points on both sides keeps its later points, under its
     * key) and events older than {@code rawBefore}, and
     * rollup buckets starting before the cut-off given for their resolution. Committer thread only.
     *
     * @return entries removed
     */
    public long prune(long rawBefore, Map<Resolution, Long> bucketsBefore) {
        // what is still in memory goes into MapDB (this transaction) first, so the cut applies to it too
        beforeCommit();
        clearOverlay();
        Arrays.fill(cursors, null);
        long removed = 0;
        for (long id : ids.all()) {
            if (rawBefore > 0) {
                removed += pruneRaw(id, rawBefore / RAW_BUCKET_MS);
            }
            for (Map.Entry<Resolution, Long> e : bucketsBefore.entrySet()) {
                long cut = e.getValue();
                if (cut > 0) {
                    long m = e.getKey().millis();
                    removed += removeBelow(rollups.get(e.getKey()), key(id, 0), key(id, (cut + m - 1) / m));
                }
            }
        }
        // per device, only the events older than the cut: jump from one device's keys to the next
        Object[] k = events.isEmpty() ? null : events.firstKey();
        while (k != null) {
            String device = (String) k[0];
            for (Iterator<Object[]> it = events.subMap(new Object[] {device, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE},
                    true, new Object[] {device, rawBefore, Long.MIN_VALUE, Long.MIN_VALUE}, false).keySet().iterator();
                    it.hasNext();) {
                it.next();
                it.remove();
                removed++;
            }
            k = events.higherKey(new Object[] {device, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE});
        }
        return removed;
    }

    /**
     * Removes the series' raw readings of minutes before {@code cutMinute}. Only the last chunk
     * starting before the cut can hold points at or after it (a chunk's points come before the next
     * chunk's start): it keeps its later points under its key (one value replaced, so a concurrent
     * query sees it before or after the cut, never without it).
     *
     * @return chunks removed (a trimmed chunk is not counted)
     */
    private long pruneRaw(long id, long cutMinute) {
        long cut = key(id, cutMinute);
        Long last = raw.lowerKey(cut);
        if (last == null || last < key(id, 0)) {
            return 0;
        }
        double[] pairs = raw.get(last);
        int keep = 0;
        while (keep < pairs.length && (long) pairs[keep] / RAW_BUCKET_MS < cutMinute) {
            keep += 2;
        }
        if (keep < pairs.length) {
            // the straddling chunk: keeps its points at or after the cut
            if (keep > 0) {
                raw.put(last, Arrays.copyOfRange(pairs, keep, pairs.length));
            }
            return removeBelow(raw, key(id, 0), last);
        }
        return removeBelow(raw, key(id, 0), cut);
    }

    private static long removeBelow(BTreeMap<Long, double[]> map, long from, long toExclusive) {
        long n = 0;
        if (toExclusive <= from) {
            return 0;
        }
        for (Iterator<Long> it = map.subMap(from, true, toExclusive, false).keySet().iterator(); it.hasNext();) {
            it.next();
            it.remove();
            n++;
        }
        return n;
    }

    /**
     * A device's stored seqs: every seq up to {@code highest}, and the inclusive ranges in
     * {@code beyond} (first to last), which are also in the {@code seen} map.
     */
    private final class Watermark {
        final String device;
        final java.util.TreeMap<Long, Long> beyond = new java.util.TreeMap<>();
        long highest;
        boolean dirty;

        Watermark(String device, long highest) {
            this.device = device;
            this.highest = highest;
        }

        /** Adds a seq known to be stored beyond the watermark (while loading). */
        void load(long seq) {
            if (seq <= highest || holds(seq)) {
                return;
            }
            Map.Entry<Long, Long> below = beyond.floorEntry(seq);
            Long aboveLast = beyond.get(seq + 1);
            long first = seq;
            long last = seq;
            if (below != null && below.getValue() == seq - 1) {
                first = below.getKey();
            }
            if (aboveLast != null) {
                beyond.remove(seq + 1);
                last = aboveLast;
            }
            beyond.put(first, last);
        }

        private boolean holds(long seq) {
            Map.Entry<Long, Long> e = beyond.floorEntry(seq);
            return e != null && e.getValue() >= seq;
        }

        /** @return false when {@code seq} is stored already */
        boolean add(long seq) {
            if (seq <= highest || holds(seq)) {
                return false;
            }
            if (seq == highest + 1) {
                highest = seq;
                absorb();
            } else {
                load(seq);
                seen.put(new Object[] {device, seq}, "");
            }
            markDirty();
            return true;
        }

        /** Moves the watermark over a range stored beyond it that now joins it. */
        void absorb() {
            Map.Entry<Long, Long> first = beyond.firstEntry();
            if (first == null || first.getKey() != highest + 1) {
                return;
            }
            beyond.pollFirstEntry();
            for (long s = first.getKey(); s <= first.getValue(); s++) {
                seen.remove(new Object[] {device, s});
            }
            highest = first.getValue();
            markDirty();
        }

        private void markDirty() {
            if (!dirty) {
                dirty = true;
                dirtyMarks.add(this);
            }
        }
    }

    /**
     * What a series' last reading changed: its raw chunk and its rollups (one per resolution),
     * with the group they were last pending in. Since only this series' readings change them, they
     * hold what is stored for their keys from one group to the next (a raw chunk is kept as the
     * mutable bucket, which the next group changes on; a rollup published by an earlier group is
     * copied before it is changed). Also the highest raw and rollup keys the series may hold: a
     * rollup key above it is a new bucket, and a raw key at or above it is in the series' last chunk
     * (or starts a new one), so neither is looked up in the pending maps, overlay or MapDB; the
     * bounds are only ever raised. A rollback, a retention pass or a layout migration drops every
     * cursor (they are read again from the overlay and MapDB).
     */
    private static final class Cursor {
        long rawHigh = UNKNOWN;
        final long[] rollupHigh = {UNKNOWN, UNKNOWN, UNKNOWN};
        long rawKey;
        RawBucket raw;
        long rawGroup = -1;
        final long[] rollupKeys = new long[RESOLUTIONS.length];
        final double[][] aggs = new double[RESOLUTIONS.length][];
        final long[] aggGroups = {-1, -1, -1};
        /** The overlay slots the rollups were last published into (maybe of an earlier epoch, or null). */
        final Slot[] slots = new Slot[RESOLUTIONS.length];
        /** The last group in which the series took a reading. */
        long touched = -1;
    }

    /** An overlay entry: the value published last for its key (an immutable array: replaced, never changed). */
    static final class Slot implements java.util.function.Supplier<double[]> {
        final long epoch;
        volatile double[] value;
        /** The value written into MapDB in this transaction (committer thread only), or null. */
        double[] written;

        Slot(long epoch, double[] value) {
            this.epoch = epoch;
            this.value = value;
        }

        @Override
        public double[] get() {
            return value;
        }
    }

    /** A raw chunk being changed in this transaction: (time, value) pairs sorted by time. */
    private static final class RawBucket {
        private double[] pairs;
        private int n;
        boolean changed;
        /** The overlay slot this bucket was last published into (maybe of an earlier epoch), or null. */
        Slot slot;

        RawBucket(double[] stored) {
            pairs = stored == null ? new double[8] : Arrays.copyOf(stored, Math.max(8, stored.length * 2));
            n = stored == null ? 0 : stored.length / 2;
        }

        /**
         * Inserts (t, v) in time order, after any pairs already at {@code t}.
         *
         * @return false when the very same (t, v) is already held: a repeat, not a new reading. Two
         *         different values at the same millisecond are two readings and both are kept.
         */
        boolean insert(long t, double v) {
            int at = upperBound(t);
            for (int i = at - 1; i >= 0 && pairs[2 * i] == t; i--) {
                if (Double.compare(pairs[2 * i + 1], v) == 0) {
                    return false;
                }
            }
            if (2 * n + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            System.arraycopy(pairs, 2 * at, pairs, 2 * at + 2, 2 * (n - at));
            pairs[2 * at] = t;
            pairs[2 * at + 1] = v;
            n++;
            changed = true;
            return true;
        }

        /** @return the index of the first pair later than {@code t} (n when none) */
        private int upperBound(long t) {
            if (n == 0 || pairs[2 * (n - 1)] < t) {
                return n;
            }
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (pairs[2 * mid] <= t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        double[] pairs() {
            return Arrays.copyOf(pairs, 2 * n);
        }

        /**
         * @return true when a reading of {@code minute} (after the chunk's start and after all its
         *     points) starts a new chunk: this one holds {@value #CHUNK_POINTS} points or spans
         *     {@value #CHUNK_MINUTES} minutes from its start
         */
        boolean closedFor(long minute, long startMinute) {
            if (n == 0 || (long) pairs[2 * (n - 1)] / RAW_BUCKET_MS >= minute) {
                return false;
            }
            return n >= CHUNK_POINTS || minute - startMinute >= CHUNK_MINUTES;
        }
    }
}
