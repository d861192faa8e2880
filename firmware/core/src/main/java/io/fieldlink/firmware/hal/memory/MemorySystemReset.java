package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.hal.SystemReset;

/**
 * The in-memory {@link SystemReset}: counts resets, keeps the last reason and runs the reboot the
 * test or simulator gave it (typically: power the storage again, then boot the board). Without an
 * action it only records the reset (the board then stays stopped).
 */
public final class MemorySystemReset implements SystemReset {
    private Runnable action;
    private int resets;
    private String lastReason;

    /** @param reboot what a reset does, e.g. {@code () -> { storage.restorePower(); board.boot(); }}; null: nothing */
    public void onReset(Runnable reboot) {
        action = reboot;
    }

    @Override
    public void reset(String reason) {
        resets++;
        lastReason = reason;
        if (action != null) {
            action.run();
        }
    }

    /** @return resets so far */
    public int resets() {
        return resets;
    }

    /** @return the reason of the last reset, or null */
    public String lastReason() {
        return lastReason;
    }
}
