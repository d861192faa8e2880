package io.fieldlink.host.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mapdb.BTreeMap;

/**
 * A small dictionary giving every (device, channel) a number, so that readings and rollups are
 * keyed by one long ({@code id << 32 | time bucket}) instead of two strings and a time: long keys
 * are what MapDB's B-tree reads and writes fastest. Held wholly in memory, persisted in the
 * {@code series-ids} map. {@link #idOf} reads from any thread; {@link #assign} runs on the committer
 * thread, and an id assigned in a transaction that is rolled back is forgotten.
 */
final class SeriesIds implements CommitHook {
    private static final String SEP = "\u0000";
    private final BTreeMap<String, Long> stored;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    /** device → channel → id, so the hot path needs no string concatenation */
    private final Map<String, Map<String, Long>> byDevice = new ConcurrentHashMap<>();
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final List<String> uncommitted = new ArrayList<>();
    private long next = 1;

    SeriesIds(HostStore store) {
        this.stored = store.counterMap("series-ids");
        for (Map.Entry<String, Long> e : stored.entrySet()) {
            ids.put(e.getKey(), e.getValue());
            int cut = e.getKey().indexOf(SEP);
            byDevice.computeIfAbsent(e.getKey().substring(0, cut), d -> new ConcurrentHashMap<>())
                    .put(e.getKey().substring(cut + 1), e.getValue());
            names.put(e.getValue(), e.getKey());
            next = Math.max(next, e.getValue() + 1);
        }
    }

    /** @return the id of (device, channel), or -1 when nothing was ever stored for it */
    long idOf(String device, String channel) {
        Map<String, Long> channels = byDevice.get(device);
        Long id = channels == null ? null : channels.get(channel);
        return id == null ? -1 : id;
    }

    /** @return the id of (device, channel), assigning the next one when new. Committer thread only. */
    long assign(String device, String channel) {
        return assign(device, channelsOf(device), channel);
    }

    /** @return device's channel → id map (for {@link #assign(String, Map, String)}). Committer thread only. */
    Map<String, Long> channelsOf(String device) {
        Map<String, Long> channels = byDevice.get(device);
        return channels != null ? channels : byDevice.computeIfAbsent(device, d -> new ConcurrentHashMap<>());
    }

    /**
     * @param channels {@link #channelsOf} the device, taken in this write
     * @return the id of (device, channel), assigning the next one when new. Committer thread only.
     */
    long assign(String device, Map<String, Long> channels, String channel) {
        Long known = channels.get(channel);
        if (known != null) {
            return known;
        }
        String name = device + SEP + channel;
        if (next >= Integer.MAX_VALUE) {
            throw new IllegalStateException("more than 2^31 series");
        }
        long n = next++;
        stored.put(name, n);
        ids.put(name, n);
        channels.put(channel, n);
        names.put(n, name);
        uncommitted.add(name);
        return n;
    }

    /** @return every id (for retention) */
    List<Long> all() {
        return new ArrayList<>(names.keySet());
    }

    @Override
    public void beforeCommit() {
    }

    @Override
    public void afterCommit() {
        uncommitted.clear();
    }

    @Override
    public void afterRollback() {
        for (String name : uncommitted) {
            Long id = ids.remove(name);
            int cut = name.indexOf(SEP);
            Map<String, Long> channels = byDevice.get(name.substring(0, cut));
            if (channels != null) {
                channels.remove(name.substring(cut + 1));
            }
            if (id != null) {
                names.remove(id);
                next = Math.min(next, id);
            }
        }
        uncommitted.clear();
    }
}
