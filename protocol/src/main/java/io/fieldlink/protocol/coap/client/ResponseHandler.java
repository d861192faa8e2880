package io.fieldlink.protocol.coap.client;

import io.fieldlink.protocol.coap.CoapMessage;

/**
 * Receives the outcome of one request: exactly one of the two methods is called, once, on the
 * event-loop thread from inside {@link CoapClient#poll()}, {@link CoapClient#onDatagram} or
 * {@link CoapClient#cancel(int)}. The handler may issue new requests from inside the callback.
 */
public interface ResponseHandler {
    /**
     * The matching response (piggy-backed or separate). {@code response} is the client's reused
     * inbound message: valid only during this call; copy what must outlive it.
     */
    void onResponse(CoapMessage response);

    /** The request ended without a response. */
    void onFailure(FailureReason reason);
}
