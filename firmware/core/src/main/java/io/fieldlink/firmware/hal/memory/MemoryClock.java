package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.hal.Clock;

/** A clock that moves only when told to. Starts at monotonic 0 with the wall time unknown. */
public final class MemoryClock implements Clock {
    private long monotonic;
    private long wallOffset;
    private boolean wallKnown;

    @Override
    public long monotonicMillis() {
        return monotonic;
    }

    @Override
    public boolean wallTimeKnown() {
        return wallKnown;
    }

    @Override
    public long wallMillis() {
        return monotonic + wallOffset;
    }

    @Override
    public void setWallMillis(long epochMillis) {
        wallOffset = epochMillis - monotonic;
        wallKnown = true;
    }

    /**
     * Moves both clocks forward.
     *
     * @param millis milliseconds, not negative
     * @throws IllegalArgumentException if negative
     */
    public void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("clock cannot go back: " + millis + " ms");
        }
        monotonic += millis;
    }

    /** Simulates a reboot: the monotonic origin stays, the wall time becomes unknown again. */
    public void forgetWallTime() {
        wallKnown = false;
        wallOffset = 0;
    }
}
