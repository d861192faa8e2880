package io.fieldlink.fieldctl.http;

/** The host answered an API call with an error status; the message names the call and the host's reason. */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    /** @param status the HTTP status @param message what failed */
    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}
