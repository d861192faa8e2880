package io.fieldlink.firmware.hal;

/** Receives complete input lines from the serial console, on the event-loop thread. */
public interface LineReceiver {
    /** @param line one line without its terminator (CR, LF or CRLF) */
    void onLine(String line);
}
