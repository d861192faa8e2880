package io.fieldlink.boards;

/** One output channel (relay, valve, buzzer) and the raw value it takes when the board fails safe. */
public final class OutputDefinition {
    private final String name;
    private final String kind;
    private final long safeValue;

    /**
     * @param name channel name, e.g. {@code relay}
     * @param kind free text kind, e.g. {@code relay}, {@code valve}
     * @param safeValue raw value driven at boot and on shutdown
     */
    public OutputDefinition(String name, String kind, long safeValue) {
        this.name = name;
        this.kind = kind;
        this.safeValue = safeValue;
    }

    /** @return channel name */
    public String name() {
        return name;
    }

    /** @return kind, e.g. {@code relay} */
    public String kind() {
        return kind;
    }

    /** @return raw value driven at boot and on shutdown */
    public long safeValue() {
        return safeValue;
    }
}
