package io.fieldlink.protocol.coap.client;

import io.fieldlink.protocol.memory.BufferPool;

/**
 * One pooled request slot of a {@link CoapClient}: the request's wire bytes (borrowed while the slot
 * is taken), its message id and token, and its timers.
 */
final class Exchange {
    static final int FREE = 0;
    /** Accepted, waiting for NSTART room. */
    static final int QUEUED = 1;
    /** CON sent, no ACK yet: retransmitted at {@link #deadline}. */
    static final int WAIT_ACK = 2;
    /** Empty ACK received (or NON sent): waiting for the response until {@link #deadline}. */
    static final int WAIT_RESPONSE = 3;

    byte[] wire;
    int wireLength;
    int messageId;
    int state = FREE;
    int id;
    long order;
    ResponseHandler handler;
    int retransmits;
    long timeout;
    long deadline;
    boolean confirmable;
    long token;

    /** True while the exchange counts against NSTART (RFC 7252 §4.7). */
    boolean outstanding() {
        return state == WAIT_ACK || (state == WAIT_RESPONSE && !confirmable);
    }

    /** Sets the message id, in the kept wire bytes too (bytes 2 and 3 of the header). */
    void setMessageId(int mid) {
        messageId = mid;
        wire[2] = (byte) (mid >> 8);
        wire[3] = (byte) mid;
    }

    void free(BufferPool buffers) {
        state = FREE;
        handler = null;
        buffers.giveBack(wire);
        wire = null;
    }
}
