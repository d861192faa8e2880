package io.fieldlink.protocol.coap.client;

/** Why a request ended without a response. */
public enum FailureReason {
    /** No ACK after MAX_RETRANSMIT retransmissions, or no response within the response timeout. */
    TIMEOUT,
    /** The peer answered with RST. */
    RESET,
    /** The caller cancelled the request. */
    CANCELLED
}
