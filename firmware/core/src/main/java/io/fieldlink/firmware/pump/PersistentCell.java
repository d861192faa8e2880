package io.fieldlink.firmware.pump;

/**
 * One named blob of power-fail-safe storage: a write either fully replaces the previous content or
 * leaves it untouched. Bound to the core's storage HAL by the board wiring; tests use an in-memory cell.
 * Called from the board's event loop only.
 */
public interface PersistentCell {
    /** @return the last content written, or an empty array when never written; never null */
    byte[] read();

    /**
     * Replaces the content atomically.
     *
     * @param content the new content; the caller may reuse the array after the call returns
     */
    void write(byte[] content);
}
