package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.hal.StorageException;

/** Thrown by {@link MemoryStorage} when a simulated power cut stops a write part-way. */
public final class PowerLossException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** @param message where the write stopped */
    public PowerLossException(String message) {
        super(message);
    }
}
