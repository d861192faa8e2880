package io.fieldlink.host.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The host's counters (incremented from any thread) and gauges (read when rendered), written in
 * the Prometheus text exposition format 0.0.4. Thread-safe.
 */
public final class HostMetrics {
    private final LongAdder uplinks = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final Map<String, LongAdder> rejects = new ConcurrentHashMap<>();
    private final Map<String, Gauge> gauges = new TreeMap<>();

    /** Counts an uplink stored with {@code n} records. */
    public void stored(int n) {
        uplinks.increment();
        records.add(n);
    }

    /** Counts an uplink that was already stored (acknowledged again, not stored). */
    public void duplicate() {
        duplicates.increment();
    }

    /** Counts a rejected uplink or handshake by a short reason label, e.g. {@code senml}. */
    public void reject(String reason) {
        rejects.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    /** @return rejects counted under {@code reason} */
    public long rejects(String reason) {
        LongAdder a = rejects.get(reason);
        return a == null ? 0 : a.sum();
    }

    /** @return uplinks stored */
    public long uplinks() {
        return uplinks.sum();
    }

    /** @return records stored */
    public long records() {
        return records.sum();
    }

    /** Registers a gauge read at each scrape. Call during start-up only. */
    public synchronized void gauge(String name, String help, LongSupplier value) {
        gauges.put(name, new Gauge(help, value));
    }

    /** @return every metric in Prometheus text format */
    public synchronized String render() {
        StringBuilder b = new StringBuilder();
        counter(b, "fieldlink_uplinks_total", "Uplinks stored durably.", uplinks.sum());
        counter(b, "fieldlink_records_total", "Records (readings and events) stored durably.", records.sum());
        counter(b, "fieldlink_duplicate_uplinks_total", "Uplinks acknowledged again without storing.", duplicates.sum());
        b.append("# HELP fieldlink_rejects_total Uplinks rejected, by reason.\n");
        b.append("# TYPE fieldlink_rejects_total counter\n");
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(rejects).entrySet()) {
            b.append("fieldlink_rejects_total{reason=\"").append(e.getKey()).append("\"} ")
                    .append(e.getValue().sum()).append('\n');
        }
        for (Map.Entry<String, Gauge> e : gauges.entrySet()) {
            b.append("# HELP ").append(e.getKey()).append(' ').append(e.getValue().help).append('\n');
            b.append("# TYPE ").append(e.getKey()).append(" gauge\n");
            b.append(e.getKey()).append(' ').append(e.getValue().value.getAsLong()).append('\n');
        }
        return b.toString();
    }

    private static void counter(StringBuilder b, String name, String help, long v) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(" counter\n");
        b.append(name).append(' ').append(v).append('\n');
    }

    private record Gauge(String help, LongSupplier value) {
    }
}
