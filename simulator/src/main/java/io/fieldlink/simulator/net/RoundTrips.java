package io.fieldlink.simulator.net;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A histogram of round-trip times in 0.1 ms steps up to 10 s (longer ones counted at 10 s), read
 * in windows: each {@link #window()} returns what was added since the previous one. Thread-safe;
 * adding is one atomic increment.
 */
public final class RoundTrips {
    private static final int STEPS = 100_000; // 0.1 ms each: 10 s

    private final AtomicReference<AtomicLongArray> current = new AtomicReference<>(new AtomicLongArray(STEPS + 1));
    private long windowStart = System.nanoTime();

    void add(long nanos) {
        int step = (int) Math.min(STEPS, Math.max(0, nanos / 100_000L));
        current.get().incrementAndGet(step);
    }

    /** @return the round trips since the previous window; a new window starts */
    synchronized Window window() {
        AtomicLongArray a = current.getAndSet(new AtomicLongArray(STEPS + 1));
        long now = System.nanoTime();
        double seconds = (now - windowStart) / 1e9;
        windowStart = now;
        long n = 0;
        for (int i = 0; i <= STEPS; i++) {
            n += a.get(i);
        }
        return new Window(n, seconds, percentile(a, n, 0.50), percentile(a, n, 0.99), percentile(a, n, 1.0));
    }

    private static double percentile(AtomicLongArray a, long n, double p) {
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (int i = 0; i <= STEPS; i++) {
            seen += a.get(i);
            if (seen >= rank) {
                return (i + 1) / 10.0;
            }
        }
        return STEPS / 10.0;
    }

    /**
     * Round trips in one window.
     *
     * @param count round trips
     * @param seconds length of the window
     * @param p50Millis median, ms (upper edge of its 0.1 ms step)
     * @param p99Millis 99th percentile, ms
     * @param maxMillis longest, ms (10,000 means 10 s or more)
     */
    public record Window(long count, double seconds, double p50Millis, double p99Millis, double maxMillis) {
        /** @return one line for a log */
        public String line() {
            return String.format("%d round trips in %.0f s (%.0f/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms", count, seconds,
                    seconds > 0 ? count / seconds : 0, p50Millis, p99Millis, maxMillis);
        }
    }
}
