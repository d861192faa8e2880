package io.fieldlink.host;

/**
 * The host's root unchecked exception: start-up failures (bad configuration, unusable data
 * directory, a port that cannot be bound) and storage failures. Bad input from devices or HTTP
 * clients is never thrown as this; it becomes a CoAP or HTTP error response.
 */
public class HostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the key, file or port concerned */
    public HostException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause the underlying failure
     */
    public HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
