package io.fieldlink.simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a run's CPU went, by thread group: the fleet's schedulers (the boards: the caller's thread and
 * the shards' {@code fleet-shard-N} threads), the host's committer,
 * its CoAP threads (Californium and the ingest resources) and the rest. A snapshot of every live
 * thread's CPU time at the start, compared at the end (threads that ended in between are not counted).
 */
final class ThreadCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();
    private final long wallStart = System.nanoTime();
    private final long schedulerId = Thread.currentThread().getId();

    /** Snapshots every live thread's CPU time; to be created on the fleet's scheduler thread. */
    ThreadCpu() {
        if (threads.isThreadCpuTimeSupported()) {
            for (long id : threads.getAllThreadIds()) {
                long t = threads.getThreadCpuTime(id);
                if (t >= 0) {
                    start.put(id, t);
                }
            }
        }
    }

    /** @return e.g. "CPU in 7.3 s of run: boards (scheduler) 1.2 s, host committer 6.1 s, ..." */
    String line() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        if (!threads.isThreadCpuTimeSupported()) {
            return String.format(Locale.ROOT, "%.1f s of run (per-thread CPU time not supported)", wall);
        }
        Map<String, Long> groups = new LinkedHashMap<>();
        groups.put("boards (scheduler threads)", 0L);
        groups.put("host committer", 0L);
        groups.put("host CoAP (Californium + ingest resources)", 0L);
        groups.put("other threads", 0L);
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            ThreadInfo info = threads.getThreadInfo(id);
            if (t < 0 || info == null) {
                continue;
            }
            long used = t - start.getOrDefault(id, 0L);
            String name = info.getThreadName();
            String group = id == schedulerId || name.startsWith("fleet-shard-") ? "boards (scheduler threads)"
                    : name.contains("committer") ? "host committer"
                    : name.startsWith("CoapServer") ? "host CoAP (Californium + ingest resources)" : "other threads";
            groups.merge(group, used, Long::sum);
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "CPU during %.1f s of run + drain:", wall));
        String sep = " ";
        for (Map.Entry<String, Long> g : groups.entrySet()) {
            b.append(sep).append(g.getKey()).append(String.format(Locale.ROOT, " %.1f s", g.getValue() / 1e9));
            sep = ", ";
        }
        return b.toString();
    }
}
