package io.fieldlink.firmware.hal;

/**
 * The technician's serial console, as lines. The binding assembles input bytes into lines (up to a
 * limit it chooses) and calls the receiver on the event-loop thread.
 */
public interface SerialConsole {
    /**
     * Writes one line; the binding appends the terminator. Never blocks (the binding buffers or drops).
     *
     * @param line the text, without a terminator
     */
    void writeLine(String line);

    /** @param receiver who gets input lines (replaces any earlier one); null to stop */
    void setReceiver(LineReceiver receiver);
}
