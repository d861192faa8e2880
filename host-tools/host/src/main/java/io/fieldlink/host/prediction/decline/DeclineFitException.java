package io.fieldlink.host.prediction.decline;

/** No decline curve could be fitted to the given rates. */
public final class DeclineFitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was tried */
    public DeclineFitException(String message) {
        super(message);
    }
}
