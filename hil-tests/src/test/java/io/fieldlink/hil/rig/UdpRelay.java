package io.fieldlink.hil.rig;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The board's network link on the pty rig: a UDP relay on loopback between the board and its host
 * (the board is pointed at the relay; the host sees the relay's second socket as the board). While the
 * link is {@linkplain #up(boolean) down}, every datagram either way is dropped, as with a cut cable or a
 * lost cell tower; DTLS and CoAP above it are untouched. Two daemon threads, one per direction.
 */
final class UdpRelay implements AutoCloseable {
    private final DatagramSocket boardSide;
    private final DatagramSocket hostSide;
    private final InetSocketAddress host;
    private volatile SocketAddress board;
    private volatile boolean up = true;
    private volatile boolean closed;
    private final AtomicLong dropped = new AtomicLong();

    /** @param hostPort the host's UDP port on loopback */
    UdpRelay(int hostPort) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.host = new InetSocketAddress(loopback, hostPort);
        this.boardSide = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.hostSide = new DatagramSocket(new InetSocketAddress(loopback, 0));
        start("relay-to-host-" + port(), this::toHost);
        start("relay-to-board-" + port(), this::toBoard);
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** @return the port the board is pointed at */
    int port() {
        return boardSide.getLocalPort();
    }

    /** Takes the link down (every datagram dropped) or up. */
    void up(boolean isUp) {
        up = isUp;
    }

    /** @return how many datagrams were dropped while the link was down */
    long dropped() {
        return dropped.get();
    }

    private void toHost() {
        byte[] buf = new byte[65_535];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                boardSide.receive(p);
                board = p.getSocketAddress();
                if (up) {
                    hostSide.send(new DatagramPacket(p.getData(), p.getOffset(), p.getLength(), host));
                } else {
                    dropped.incrementAndGet();
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void toBoard() {
        byte[] buf = new byte[65_535];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                hostSide.receive(p);
                SocketAddress to = board;
                if (up && to != null) {
                    boardSide.send(new DatagramPacket(p.getData(), p.getOffset(), p.getLength(), to));
                } else {
                    dropped.incrementAndGet();
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        boardSide.close();
        hostSide.close();
    }
}
