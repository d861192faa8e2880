package io.fieldlink.firmware.console;

/** Where the technician PIN comes from (the board config's {@code pin} key). */
public interface PinSource {
    /** @return the current PIN */
    String pin();
}
