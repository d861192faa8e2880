package io.fieldlink.firmware.hal;

import io.fieldlink.firmware.FirmwareException;

/** A storage read or write failed (bad address, device fault, power lost during a write). */
public class StorageException extends FirmwareException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the area and offset */
    public StorageException(String message) {
        super(message);
    }
}
