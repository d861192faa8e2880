package io.fieldlink.firmware.hal;

/**
 * The board's log sink (UART, ring buffer, tinylog on the JVM). Never blocks; may drop entries.
 */
public interface Log {
    /**
     * @param level severity
     * @param source the component, e.g. {@code "journal"}
     * @param message the text
     */
    void log(LogLevel level, String source, String message);
}
