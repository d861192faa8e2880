package io.fieldlink.firmware.jvm.loop;

import io.fieldlink.firmware.hal.Clock;

/**
 * The board clock on a JVM: monotonic time from {@link System#nanoTime()} (zero at construction) and
 * a wall clock set from the host's {@code hello} answer. Thread-safe.
 */
public final class SystemClock implements Clock {
    private final long originNanos = System.nanoTime();
    private volatile long wallOffsetMillis;
    private volatile boolean wallKnown;

    @Override
    public long monotonicMillis() {
        return (System.nanoTime() - originNanos) / 1_000_000L;
    }

    @Override
    public boolean wallTimeKnown() {
        return wallKnown;
    }

    @Override
    public long wallMillis() {
        return monotonicMillis() + wallOffsetMillis;
    }

    @Override
    public void setWallMillis(long epochMillis) {
        wallOffsetMillis = epochMillis - monotonicMillis();
        wallKnown = true;
    }
}
