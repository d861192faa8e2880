package io.fieldlink.simulator.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.tinylog.Logger;

/**
 * One thread that reads the UDP sockets of every board: each board keeps its own socket (its own
 * source port, as a device in the field has), but instead of a receiver thread per socket a single
 * selector waits on all of them and hands each datagram to the board's DTLS connector. Thread-safe.
 */
final class DatagramHub implements AutoCloseable {
    /** Larger than any DTLS record the host sends (CoAP over DTLS stays under the path MTU). */
    static final int MAX_DATAGRAM = 16 * 1024 + 512;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Registration> pending = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    /** What a registered socket's datagrams are handed to, on the hub's thread. */
    interface Sink {
        /** @param packet a datagram; its buffer is reused after the call returns */
        void datagram(DatagramPacket packet);
    }

    private record Registration(DatagramChannel channel, Sink sink) {
    }

    /** Starts the hub's thread. */
    DatagramHub() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::loop, "sim-dtls-hub");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Opens a non-blocking UDP socket bound to an ephemeral port of {@code local}'s address; it is read
     * once {@link #register registered}.
     */
    static DatagramChannel open(InetSocketAddress local) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.configureBlocking(false);
            ch.bind(local);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return ch;
    }

    /** Reads {@code channel}'s datagrams into {@code sink} from now until the channel is closed. */
    void register(DatagramChannel channel, Sink sink) {
        pending.add(new Registration(channel, sink));
        selector.wakeup();
    }

    private void loop() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        DatagramPacket packet = new DatagramPacket(buffer.array(), MAX_DATAGRAM);
        while (running) {
            try {
                selector.select(1_000);
                Registration r;
                while ((r = pending.poll()) != null) {
                    try {
                        r.channel().register(selector, SelectionKey.OP_READ, r.sink());
                    } catch (ClosedChannelException e) {
                        // the board closed its socket before the hub saw it: nothing to read
                    }
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    DatagramChannel ch = (DatagramChannel) key.channel();
                    Sink sink = (Sink) key.attachment();
                    // a few datagrams per socket per turn, so one busy board cannot starve the rest
                    for (int i = 0; i < 8; i++) {
                        buffer.clear();
                        SocketAddress from;
                        try {
                            from = ch.receive(buffer);
                        } catch (IOException e) {
                            // ICMP port unreachable and the like: UDP, the DTLS/CoAP layers retransmit
                            break;
                        }
                        if (from == null) {
                            break;
                        }
                        packet.setData(buffer.array(), 0, buffer.position());
                        packet.setSocketAddress(from);
                        try {
                            sink.datagram(packet);
                        } catch (RuntimeException e) {
                            Logger.warn(e, "a board's DTLS connector failed on a datagram from {}", from);
                        }
                    }
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (running) {
                    Logger.error(e, "DTLS datagram hub");
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            selector.close();
        } catch (IOException e) {
            Logger.debug(e, "closing the hub's selector");
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
