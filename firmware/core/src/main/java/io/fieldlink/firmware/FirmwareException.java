package io.fieldlink.firmware;

/**
 * Root unchecked exception of the firmware core: a programming error or a broken collaborator.
 * Outcomes from outside (a console line, a packet) are values, not exceptions.
 */
public class FirmwareException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the thing involved */
    public FirmwareException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public FirmwareException(String message, Throwable cause) {
        super(message, cause);
    }
}
