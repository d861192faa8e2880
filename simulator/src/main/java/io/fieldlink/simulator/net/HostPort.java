package io.fieldlink.simulator.net;

import java.io.IOException;

/**
 * The host as the virtual boards reach it: one {@link Connection} per board, carrying that board's
 * plain CoAP datagrams (the port adds DTLS or hands them to the host in-process). Inbound datagrams
 * arrive on the port's own threads. Thread-safe.
 */
public interface HostPort extends AutoCloseable {
    /**
     * @param deviceId the board's device id (its PSK identity)
     * @param psk the board's pre-shared key
     * @param inbound receives the host's datagrams for this board, on any thread
     * @return the board's connection
     * @throws IOException when a socket cannot be opened
     */
    Connection connect(String deviceId, byte[] psk, Inbound inbound) throws IOException;

    /** @return a short description for the report, e.g. {@code dtls 127.0.0.1:5684} */
    String describe();

    @Override
    void close();

    /** One board's connection. */
    interface Connection {
        /** @param datagram a CoAP message, handed over (not copied) */
        void send(byte[] datagram);

        /** Closes the board's socket, if it has one. */
        void close();
    }

    /** Where the host's datagrams for one board go. */
    interface Inbound {
        /** @param datagram a CoAP message from the host */
        void datagram(byte[] datagram);
    }
}
