package io.fieldlink.protocol.coap.client;

/** A monotonic millisecond clock (the board's HAL clock; a virtual clock in tests and the simulator). */
public interface CoapClock {
    /** Milliseconds since an arbitrary origin; never goes backwards. */
    long millis();
}
