package io.fieldlink.protocol.coap;

/** The four CoAP message types (RFC 7252 §3), with their two-bit wire value. */
public enum CoapType {
    /** Confirmable: retransmitted until acknowledged. */
    CON(0),
    /** Non-confirmable. */
    NON(1),
    /** Acknowledgement of a confirmable message, possibly carrying a piggy-backed response. */
    ACK(2),
    /** Reset: the recipient lacks the context to process the message. */
    RST(3);

    private static final CoapType[] BY_VALUE = {CON, NON, ACK, RST};

    private final int value;

    CoapType(int value) {
        this.value = value;
    }

    /** The two-bit wire value, 0..3. */
    public int value() {
        return value;
    }

    /**
     * The type with the given wire value.
     *
     * @throws IllegalArgumentException if {@code value} is not 0..3
     */
    public static CoapType of(int value) {
        if (value < 0 || value > 3) {
            throw new IllegalArgumentException("CoAP type must be 0..3, got " + value);
        }
        return BY_VALUE[value];
    }
}
