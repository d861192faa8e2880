package io.fieldlink.firmware.hal;

/**
 * Unreliable, unordered datagrams to and from the board's one host (the binding adds DTLS and the
 * address). Sending never blocks: a datagram that cannot be sent now is dropped, and the CoAP layer
 * retransmits.
 */
public interface DatagramTransport {
    /**
     * Sends one datagram. The bytes are copied before the call returns.
     *
     * @param data buffer
     * @param offset first byte
     * @param length number of bytes
     */
    void send(byte[] data, int offset, int length);

    /** @param receiver who gets incoming datagrams (replaces any earlier one); null to stop */
    void setReceiver(DatagramReceiver receiver);

    /** @return the largest datagram payload the transport carries, in bytes */
    int maxDatagramSize();
}
