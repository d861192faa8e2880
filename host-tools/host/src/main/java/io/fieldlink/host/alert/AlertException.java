package io.fieldlink.host.alert;

/** An alert operation that cannot be done: unknown alert, or a change its state does not allow. */
public final class AlertException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean notFound;

    AlertException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    /** @return true when the alert does not exist (else the state forbids the change) */
    public boolean notFound() {
        return notFound;
    }
}
