package io.fieldlink.host.ingest;

/** An uplink payload that cannot be stored; the message says which record and field is wrong. */
public final class MalformedUplinkException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    /**
     * @param reason a short metric label, e.g. {@code senml}
     * @param message the specific problem
     */
    public MalformedUplinkException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return the short label counted in the rejects metric */
    public String reason() {
        return reason;
    }
}
