package io.fieldlink.hil.rig;

import java.time.Duration;

/**
 * One board under test, driven from outside as a technician and a test bench would: its power, its
 * serial console, its sensors and its outputs. The suite is written once against this interface;
 * {@link InProcessRig} (simulated HAL), {@link PtyRig} (a separate {@code fieldlink board} process on
 * pseudo-terminals) and {@link SerialRig} (a real board) implement it. The host the board talks to is
 * {@link RigSpec#host()}.
 */
public interface Rig {
    /** Switches the board on and returns once it has booted (its console answers). */
    void powerOn() throws Exception;

    /** Switches the board off cleanly: it shuts down and drives its outputs safe. */
    void powerOff() throws Exception;

    /** Cuts the supply: no shutdown; whatever was not durable is lost. */
    void powerCut() throws Exception;

    /** Types one line into the board's console. */
    void consoleIn(String line);

    /** @return the board's next console line, or null if none came within {@code timeout} */
    String consoleOut(Duration timeout) throws InterruptedException;

    /** Forgets console lines received so far. */
    void clearConsole();

    /**
     * Sets a sensor's raw value as the board reads it (a Modbus register for a channel the board file puts
     * on the field bus: the wellhead's, the pump's). Every rig
     * takes any channel while the board is off (the value it reads from boot on); while it runs, only
     * the channels {@link #stimulates} names.
     *
     * @param channel the board file's channel name
     * @param raw the raw value
     */
    void sensor(String channel, long raw);

    /**
     * @return true if {@link #sensor} can drive {@code channel} on this rig while the board runs (the pty
     *     rig serves the field bus's channels: a board process's GPIO inputs are Pi4J mock pins inside it)
     */
    default boolean stimulates(String channel) {
        return true;
    }

    /**
     * Takes the board's link to its host down or up (the cable, the cell tower): while down, nothing the
     * board sends arrives and nothing reaches it.
     *
     * @throws UnsupportedOperationException on a rig that cannot ({@link #warpsTime()} is false)
     */
    default void network(boolean up) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot cut the board's network");
    }

    /**
     * Lets {@code d} pass on the board's clock at once (monotonic and wall time jump together) and
     * returns once the board has run what fell due.
     *
     * @throws UnsupportedOperationException on a rig that cannot ({@link #warpsTime()} is false)
     */
    default void passTime(Duration d) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot steer the board's clock");
    }

    /** @return true if {@link #network} and {@link #passTime} work on this rig */
    default boolean warpsTime() {
        return false;
    }

    /** @return the value the board drives on output {@code name} (read back from the pin) */
    long output(String name);

    /** @return the spec the rig was made from */
    RigSpec spec();

    /** Powers the board off (cut) and releases ports and processes. */
    void close() throws Exception;
}
