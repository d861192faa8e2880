package io.fieldlink.protocol.record;

/**
 * The commands the host sends on responses. Those that move money or safety state are {@link
 * #signed()}: their body is a COSE_Sign1 over the body map this package defines.
 */
public enum CommandType {
    /** Body: COSE_Sign1 over a {@link TariffBody}. */
    TARIFF(1, true),
    /** Body: COSE_Sign1 over a {@link CreditPushBody}. */
    CREDIT_PUSH(2, true),
    /** Body: COSE_Sign1 over a {@link RelayOverrideBody}. */
    RELAY_OVERRIDE(3, true),
    /** Body: {1: key (text), 2: value (text)}. */
    CONFIG_SET(4, false),
    /** Body: a {@link FirmwareNotice}. */
    FIRMWARE_UPDATE(5, false),
    /** Body: COSE_Sign1 over a {@link ShutInResetBody}. */
    SHUT_IN_RESET(6, true);

    private final int code;
    private final boolean signed;

    CommandType(int code, boolean signed) {
        this.code = code;
        this.signed = signed;
    }

    public int code() {
        return code;
    }

    /** True if the body is a COSE_Sign1 the device must verify before acting. */
    public boolean signed() {
        return signed;
    }

    /** @return the type with this code, or null */
    public static CommandType ofCode(long code) {
        for (CommandType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
