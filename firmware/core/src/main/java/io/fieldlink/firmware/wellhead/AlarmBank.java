package io.fieldlink.firmware.wellhead;

import java.util.Arrays;

/**
 * H / L / HH / LL alarms of every channel, with hysteresis and debounce. A high level rises when
 * the value has stayed at or above its limit for the channel's debounce, and clears when it has
 * stayed below (limit - hysteresis) for the debounce; low levels mirror that. A sample that breaks
 * the pending condition restarts its debounce. Each transition is reported once.
 *
 * <p>Allocation-free; event loop only.
 */
public final class AlarmBank {
    private static final AlarmLevel[] LEVELS = AlarmLevel.values();
    private static final long NONE = Long.MIN_VALUE;

    private final ChannelSpec[] specs;
    private final WellheadEvents events;
    private final boolean[] active;
    private final long[] pendingSince;

    /**
     * @param specs the channels, in index order
     * @param events where transitions go
     */
    public AlarmBank(ChannelSpec[] specs, WellheadEvents events) {
        this.specs = specs.clone();
        this.events = events;
        this.active = new boolean[specs.length * LEVELS.length];
        this.pendingSince = new long[specs.length * LEVELS.length];
        Arrays.fill(pendingSince, NONE);
    }

    /** Takes a good sample of a channel. */
    public void update(int channel, long value, long nowMs) {
        ChannelSpec s = specs[channel];
        for (int i = 0; i < LEVELS.length; i++) {
            AlarmLevel level = LEVELS[i];
            long limit = s.limit(level);
            if (limit == (level.high() ? ChannelSpec.NO_HIGH : ChannelSpec.NO_LOW)) {
                continue;
            }
            int k = channel * LEVELS.length + i;
            boolean wantsChange;
            if (level.high()) {
                wantsChange = active[k] ? value < limit - s.hysteresis : value >= limit;
            } else {
                wantsChange = active[k] ? value > limit + s.hysteresis : value <= limit;
            }
            if (!wantsChange) {
                pendingSince[k] = NONE;
                continue;
            }
            if (pendingSince[k] == NONE) {
                pendingSince[k] = nowMs;
            }
            if (nowMs - pendingSince[k] >= s.debounceMs) {
                active[k] = !active[k];
                pendingSince[k] = NONE;
                events.alarm(channel, level, active[k], value, nowMs);
            }
        }
    }

    /** A faulty channel's pending transitions restart when it is healthy again; active alarms stay. */
    public void interrupt(int channel) {
        for (int i = 0; i < LEVELS.length; i++) {
            pendingSince[channel * LEVELS.length + i] = NONE;
        }
    }

    /** @return whether the level is active on the channel */
    public boolean active(int channel, AlarmLevel level) {
        return active[channel * LEVELS.length + level.ordinal()];
    }
}
