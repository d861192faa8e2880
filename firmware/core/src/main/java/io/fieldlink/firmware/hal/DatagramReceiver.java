package io.fieldlink.firmware.hal;

/** Receives datagrams from the host, on the event-loop thread. */
public interface DatagramReceiver {
    /**
     * One datagram. The array is only valid during the call (the transport may reuse it).
     *
     * @param data buffer
     * @param offset first byte
     * @param length number of bytes
     */
    void onDatagram(byte[] data, int offset, int length);
}
