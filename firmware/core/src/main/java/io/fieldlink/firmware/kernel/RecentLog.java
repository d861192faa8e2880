package io.fieldlink.firmware.kernel;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.hal.Log;
import io.fieldlink.firmware.hal.LogLevel;

/**
 * Passes entries to the HAL log and keeps the newest ones (INFO and above) for the console's
 * {@code log} command. Event-loop thread only.
 */
public final class RecentLog implements Log {
    private final Log sink;
    private final Clock clock;
    private final String[] ring;
    private int next;
    private int size;

    /**
     * @param sink the HAL log
     * @param clock for entry times
     * @param capacity entries kept (0: none, the entries only pass to the sink)
     */
    public RecentLog(Log sink, Clock clock, int capacity) {
        this.sink = sink;
        this.clock = clock;
        this.ring = new String[capacity];
    }

    @Override
    public void log(LogLevel level, String source, String message) {
        sink.log(level, source, message);
        if (level != LogLevel.DEBUG && ring.length > 0) {
            ring[next] = clock.monotonicMillis() + " " + level.name() + " " + source + ": " + message;
            next = (next + 1) % ring.length;
            size = Math.min(size + 1, ring.length);
        }
    }

    /** @return kept entries, oldest first */
    public String[] recent() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(next - size + i + ring.length) % ring.length];
        }
        return out;
    }
}
