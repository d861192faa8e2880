package io.fieldlink.protocol.coap.client;

import io.fieldlink.protocol.coap.CoapMessage;

/** One pooled request slot of a {@link CoapClient}: the request, its wire bytes and its timers. */
final class Exchange {
    static final int FREE = 0;
    /** Accepted, waiting for NSTART room. */
    static final int QUEUED = 1;
    /** CON sent, no ACK yet: retransmitted at {@link #deadline}. */
    static final int WAIT_ACK = 2;
    /** Empty ACK received (or NON sent): waiting for the response until {@link #deadline}. */
    static final int WAIT_RESPONSE = 3;

    final CoapMessage request = new CoapMessage();
    byte[] wire = new byte[64];
    int wireLength;
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

    void keepWire(byte[] src, int len) {
        if (wire.length < len) {
            wire = new byte[len];
        }
        System.arraycopy(src, 0, wire, 0, len);
        wireLength = len;
    }

    void free() {
        state = FREE;
        handler = null;
    }
}
