package io.fieldlink.host.ingest;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared String instance per channel name seen (up to {@value #MAX_NAMES} names; beyond that a
 * name is used as decoded). Decoding makes a new String for every reading's name; the committer
 * then looks every name up (series ids, fleet view, projections) on another core. With the shared
 * instance those lookups find the name by identity with its hash already computed, instead of
 * hashing and comparing the bytes of a String another thread just wrote. Thread-safe.
 */
final class ChannelNames {
    static final int MAX_NAMES = 10_000;
    private static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> SUMS = new ConcurrentHashMap<>();

    private ChannelNames() {
    }

    /** @return the shared instance equal to {@code name} (or {@code name} itself) */
    static String of(String name) {
        if (name == null) {
            return null;
        }
        String known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        if (NAMES.size() >= MAX_NAMES) {
            return name;
        }
        String shared = NAMES.putIfAbsent(name, name);
        return shared != null ? shared : name;
    }

    /** @return the shared instance of {@code name + ":sum"} (the channel of a SenML sum) */
    static String sumOf(String name) {
        String known = SUMS.get(name);
        if (known != null) {
            return known;
        }
        String sum = of(name + ":sum");
        if (SUMS.size() < MAX_NAMES) {
            SUMS.putIfAbsent(name, sum);
        }
        return sum;
    }
}
