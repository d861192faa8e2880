package io.fieldlink.simulator.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;

/**
 * One board's Scandium DTLS client on its own UDP socket, without threads of its own: the socket is
 * a non-blocking channel that the {@link DatagramHub} reads (the configuration must say 0 receiver
 * threads), records go out with a non-blocking send (a full socket buffer drops the datagram, as UDP
 * does; DTLS and CoAP retransmit), and handshakes, timers and record work run on the executor the
 * caller sets (shared by every board).
 */
final class BoardDtlsConnector extends DTLSConnector {
    private final DatagramChannel channel;

    /** @param channel bound, non-blocking; closed when the connector stops */
    BoardDtlsConnector(DtlsConnectorConfig config, DatagramChannel channel) {
        super(config);
        this.channel = channel;
    }

    /** Uses the board's channel instead of opening a socket (and starts no receiver thread). */
    @Override
    protected void start(InetSocketAddress bindAddress) throws IOException {
        if (isRunning()) {
            return;
        }
        init((InetSocketAddress) channel.getLocalAddress(), channel.socket(), null);
    }

    @Override
    protected void sendNextDatagramOverNetwork(DatagramPacket datagramPacket) throws IOException {
        if (!channel.isOpen()) {
            throw new IOException("socket closed");
        }
        channel.send(ByteBuffer.wrap(datagramPacket.getData(), datagramPacket.getOffset(), datagramPacket.getLength()),
                datagramPacket.getSocketAddress());
    }
}
