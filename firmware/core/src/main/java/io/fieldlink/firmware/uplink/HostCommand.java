package io.fieldlink.firmware.uplink;

/**
 * One command from the host: an id (for the host to match the result), a name (e.g.
 * {@code tariff}, {@code credit}, {@code relay}, {@code config}), its CBOR-encoded arguments and
 * whether a trusted issuer signed it. Immutable.
 */
public final class HostCommand {
    private final long id;
    private final String name;
    private final byte[] arguments;
    private final boolean signed;

    /**
     * @param id host-assigned command id
     * @param name command name
     * @param arguments CBOR-encoded arguments (copied)
     * @param signed true if the signature verified against a trusted issuer key
     */
    public HostCommand(long id, String name, byte[] arguments, boolean signed) {
        this.id = id;
        this.name = name;
        this.arguments = arguments.clone();
        this.signed = signed;
    }

    /** @return host-assigned id */
    public long id() {
        return id;
    }

    /** @return command name */
    public String name() {
        return name;
    }

    /** @return a copy of the CBOR-encoded arguments */
    public byte[] arguments() {
        return arguments.clone();
    }

    /** @return true if a trusted issuer signed it */
    public boolean signed() {
        return signed;
    }
}
