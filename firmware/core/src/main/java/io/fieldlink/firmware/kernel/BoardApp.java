package io.fieldlink.firmware.kernel;

/**
 * A board application (meter, pump, wellhead) driven by the kernel on the board's event loop. The
 * kernel calls {@link #boot} once per boot, {@link #sampleTick} on every sample period after fresh
 * {@link Readings}, and {@link #shutdown} before a reboot or power-down it knows of. No method may
 * block; {@link #sampleTick} should allocate nothing in steady state.
 */
public interface BoardApp {
    /**
     * Restores state (from {@link BoardContext#journal()}), registers console commands and the host
     * command handler, and starts its own timers.
     *
     * @param context the board's services
     */
    void boot(BoardContext context);

    /**
     * @param context the board's services
     * @param readings the fresh sample of every channel
     */
    void sampleTick(BoardContext context, Readings readings);

    /**
     * Drives outputs to a safe state and commits what must survive.
     *
     * @param context the board's services
     */
    void shutdown(BoardContext context);
}
