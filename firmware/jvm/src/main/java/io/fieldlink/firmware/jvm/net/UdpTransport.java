package io.fieldlink.firmware.jvm.net;

import io.fieldlink.firmware.hal.DatagramReceiver;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.tinylog.Logger;

/**
 * Plain CoAP over UDP to a host started with its insecure flag (the device names itself in the
 * request). A reader thread hands inbound datagrams to the board's loop thread.
 */
public final class UdpTransport implements DatagramTransport, AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress host;
    private final Thread reader;
    private volatile DatagramReceiver receiver;

    private UdpTransport(DatagramSocket socket, InetSocketAddress host, BoardLoopThread loop) {
        this.socket = socket;
        this.host = host;
        this.reader = new Thread(() -> read(loop), "udp-" + socket.getLocalPort());
        this.reader.setDaemon(true);
    }

    public static UdpTransport start(InetSocketAddress host, BoardLoopThread loop) throws IOException {
        UdpTransport transport = new UdpTransport(new DatagramSocket(new InetSocketAddress(0)), host, loop);
        transport.reader.start();
        return transport;
    }

    private void read(BoardLoopThread loop) {
        byte[] buffer = new byte[DtlsTransport.MAX_DATAGRAM + 64];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    Logger.warn(e, "UDP receive failed");
                }
                continue;
            }
            byte[] bytes = Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
            loop.post(() -> {
                DatagramReceiver current = receiver;
                if (current != null) {
                    current.onDatagram(bytes, 0, bytes.length);
                }
            });
        }
    }

    @Override
    public void send(byte[] data, int offset, int length) {
        try {
            socket.send(new DatagramPacket(data, offset, length, host));
        } catch (IOException e) {
            Logger.debug(e, "UDP send to {} dropped", host);
        }
    }

    @Override
    public void setReceiver(DatagramReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public int maxDatagramSize() {
        return DtlsTransport.MAX_DATAGRAM;
    }

    @Override
    public void close() {
        socket.close();
    }
}
