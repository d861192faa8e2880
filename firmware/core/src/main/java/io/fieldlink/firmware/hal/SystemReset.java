package io.fieldlink.firmware.hal;

/**
 * Restarts the board after a fault the firmware cannot continue from: a storage failure or a
 * brown-out ({@link StorageException}, including a power cut in the middle of a write). A real
 * microcontroller resets (RAM is lost, the board boots again from what storage committed); the JVM
 * binding restarts the board; the in-memory HAL reboots it in tests
 * ({@link io.fieldlink.firmware.hal.memory.MemorySystemReset}).
 *
 * <p>The kernel calls {@link #reset} on the event-loop thread after it has stopped the board (timers
 * cancelled, outputs driven to their safe values as far as the hardware still answers). The
 * implementation may boot the board again before returning or later; it must not throw.
 */
public interface SystemReset {
    /** @param reason what failed, for the log */
    void reset(String reason);
}
