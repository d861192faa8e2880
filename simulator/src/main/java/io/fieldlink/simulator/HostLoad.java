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

    /**
     * @return how long the host's single committer thread was busy since start, by part, e.g. {@code busy 6.1 s:
     *     applying writes 2.9 s, log append + sync 2.0 s (1,690 groups), 3 checkpoints 1.2 s}
     */
    static String busy(io.fieldlink.host.store.Committer c) {
        double apply = c.applyNanos() / 1e9;
        double commit = c.commitNanos() / 1e9;
        double checkpoints = c.checkpointNanos() / 1e9;
        return String.format(Locale.ROOT, "busy %.1f s: applying writes %.1f s, making groups durable %.1f s (%,d groups;"
                + " log append + sync %.1f s), %d checkpoints %.1f s", apply + commit + checkpoints, apply, commit,
                c.commits(), c.logNanos() / 1e9, c.checkpoints(), checkpoints);
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
