package io.fieldlink.simulator.fleet;

import java.util.Locale;

/**
 * How late events ran in paced time: real milliseconds between when an event was due by the real
 * clock and when the scheduler ran it, in 1 ms steps up to a minute (later ones counted there),
 * over the whole run and in windows. Nothing is allocated until the first event (virtual time never
 * uses it). Scheduler thread only.
 */
public final class Lateness {
    private static final int STEPS = 60_000;

    private long[] total;
    private long totalCount;
    private long[] window;
    private long windowCount;

    void add(double millis) {
        if (total == null) {
            total = new long[STEPS + 1];
            window = new long[STEPS + 1];
        }
        int step = (int) Math.min(STEPS, Math.max(0, Math.round(millis)));
        total[step]++;
        totalCount++;
        window[step]++;
        windowCount++;
    }

    /** @return the events since the previous window; a new window starts */
    Window window() {
        Window w = of(window, windowCount);
        if (window != null) {
            java.util.Arrays.fill(window, 0);
        }
        windowCount = 0;
        return w;
    }

    /** @return every event so far */
    Window total() {
        return of(total, totalCount);
    }

    private static Window of(long[] steps, long n) {
        return new Window(n, percentile(steps, n, 0.50), percentile(steps, n, 0.99), percentile(steps, n, 1.0));
    }

    private static long percentile(long[] steps, long n, double p) {
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (int i = 0; i <= STEPS; i++) {
            seen += steps[i];
            if (seen >= rank) {
                return i;
            }
        }
        return STEPS;
    }

    /**
     * Lateness of some events.
     *
     * @param events events run
     * @param p50Millis median, real ms behind the real clock (rounded to the ms)
     * @param p99Millis 99th percentile
     * @param maxMillis latest (60,000 means a minute or more)
     */
    public record Window(long events, long p50Millis, long p99Millis, long maxMillis) {
        /** @return one phrase for a log line */
        public String line() {
            return String.format(Locale.ROOT, "late p50 %d ms, p99 %d ms, max %d ms (%d events)", p50Millis, p99Millis,
                    maxMillis, events);
        }
    }
}
