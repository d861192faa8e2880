package io.fieldlink.protocol.coap.client;

/**
 * Sends one datagram to the client's one peer (the host), e.g. through a UDP socket or a DTLS
 * connector. Called on the event-loop thread; must not block and must not call back into the client.
 */
public interface DatagramSender {
    /**
     * Sends {@code data[off..off+len)}. The array is the client's buffer and is reused as soon as
     * this returns: copy it if the datagram is queued. A lost datagram is not an error here
     * (retransmission covers it); the sender reports nothing back.
     */
    void send(byte[] data, int off, int len);
}
