package io.fieldlink.simulator;

import java.util.Locale;

/**
 * The embedded host's commit figures after a run, from its own metrics text: how many durable
 * commits it made per simulated hour, how many writes (uplinks, hellos, provisioning) each carried
 * and how long they took, which is what bounds a virtual-time run against a durable host.
 */
final class HostLoad {
    private HostLoad() {
    }

    /** @return e.g. {@code 1,234 commits (48.2 per simulated hour), 7.3 writes per commit, 41.0 s committing} */
    static String describe(String metrics, double simulatedDays) {
        long commits = value(metrics, "fieldlink_commits");
        long writes = value(metrics, "fieldlink_committed_writes");
        long millis = value(metrics, "fieldlink_commit_millis");
        double hours = simulatedDays * 24;
        return String.format(Locale.ROOT, "%,d commits (%.1f per simulated hour), %.1f writes per commit, %.1f s committing",
                commits, hours > 0 ? commits / hours : 0, commits > 0 ? (double) writes / commits : 0, millis / 1000.0);
    }

    /** The host committer's counters at one instant (a run's window is the difference of two). */
    record Committed(long groups, long writes, long applyNanos, long commitNanos, long logNanos, long checkpoints,
            long checkpointNanos) {
        static Committed of(io.fieldlink.host.store.Committer c) {
            return new Committed(c.commits(), c.committedWrites(), c.applyNanos(), c.commitNanos(), c.logNanos(),
                    c.checkpoints(), c.checkpointNanos());
        }

        /**
         * @return how long the host's single committer thread was busy between {@code from} and this, by
         *     part, e.g. {@code busy 6.1 s: applying 29,400 writes 2.9 s, making 1,690 groups durable 2.0 s
         *     (log append + sync 1.1 s), 3 checkpoints 1.2 s}
         */
        String since(Committed from) {
            double apply = (applyNanos - from.applyNanos) / 1e9;
            double commit = (commitNanos - from.commitNanos) / 1e9;
            double cps = (checkpointNanos - from.checkpointNanos) / 1e9;
            long g = groups - from.groups;
            return String.format(Locale.ROOT, "busy %.1f s: applying %,d writes %.1f s, making %,d groups durable %.1f s"
                    + " (%.1f writes a group; log append + sync %.1f s), %d checkpoints %.1f s", apply + commit + cps,
                    writes - from.writes, apply, g, commit, g > 0 ? (double) (writes - from.writes) / g : 0,
                    (logNanos - from.logNanos) / 1e9, checkpoints - from.checkpoints, cps);
        }
    }

    private static long value(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ")) {
                try {
                    return (long) Double.parseDouble(line.substring(name.length() + 1).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
