package io.fieldlink.simulator.net;

import io.fieldlink.host.HostServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import java.net.DatagramPacket;

/**
 * The host in the same process, reached without sockets or DTLS: an extra Californium endpoint on
 * the host's own CoAP server whose connector is a table of boards. Each board gets its own private
 * address (10.x.y.z) and arrives with its device id as the PSK identity, exactly as the host's DTLS
 * endpoint would present it, so the host's resources, de-duplication and ingest run unchanged. For
 * scale runs: thousands of boards, no sockets, no handshakes.
 */
public final class InProcessHost implements HostPort {
    private final MemoryConnector connector = new MemoryConnector();
    private final CoapEndpoint endpoint;
    private final AtomicInteger next = new AtomicInteger(1);

    /**
     * Adds the endpoint to {@code host}'s CoAP server and starts it.
     *
     * @throws IOException when the endpoint cannot start
     */
    public InProcessHost(HostServer host) throws IOException {
        CoapConfig.register();
        UdpConfig.register();
        Configuration cf = Configuration.createStandardWithoutFile();
        cf.set(CoapConfig.MAX_ACTIVE_PEERS, 1_000_000);
        cf.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 16 * 1024 * 1024);
        endpoint = new CoapEndpoint.Builder().setConfiguration(cf).setConnector(connector).build();
        host.coap().addEndpoint(endpoint);
    }

    @Override
    public Connection connect(String deviceId, byte[] psk, Inbound inbound) throws IOException {
        int n = next.getAndIncrement();
        InetSocketAddress address = address(n);
        connector.boards.put(address, inbound);
        AddressEndpointContext context = new AddressEndpointContext(address, new PreSharedKeyIdentity(deviceId));
        return new Connection() {
            @Override
            public void send(byte[] datagram) {
                RawDataChannel r = connector.receiver;
                if (r != null) {
                    r.receiveData(RawData.inbound(datagram, context, false, System.nanoTime(), connector.getAddress()));
                }
            }

            @Override
            public void close() {
                connector.boards.remove(address);
            }
        };
    }

    private static InetSocketAddress address(int n) throws UnknownHostException {
        byte[] ip = {10, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        return new InetSocketAddress(InetAddress.getByAddress(ip), 5684);
    }

    @Override
    public String describe() {
        return "in-process";
    }

    @Override
    public void close() {
        endpoint.destroy();
    }

    /** The connector: the boards' table instead of a socket. */
    private static final class MemoryConnector implements Connector {
        final Map<InetSocketAddress, Inbound> boards = new ConcurrentHashMap<>();
        final InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5684);
        volatile RawDataChannel receiver;
        volatile boolean running;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public void destroy() {
            running = false;
            boards.clear();
        }

        @Override
        public void send(RawData msg) {
            Inbound in = boards.get(msg.getInetSocketAddress());
            if (in == null || !running) {
                msg.onError(new IOException("no board at " + msg.getInetSocketAddress()));
                return;
            }
            msg.onContextEstablished(msg.getEndpointContext());
            in.datagram(msg.getBytes());
            msg.onSent();
        }

        @Override
        public void setRawDataReceiver(RawDataChannel r) {
            receiver = r;
        }

        @Override
        public void setEndpointContextMatcher(EndpointContextMatcher matcher) {
            // every board is its own peer address: nothing to match beyond it
        }

        @Override
        public InetSocketAddress getAddress() {
            return local;
        }

        @Override
        public String getProtocol() {
            return CoAP.PROTOCOL_UDP;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public void processDatagram(DatagramPacket datagram) {
            // datagrams only come from the boards' table
        }
    }
}
