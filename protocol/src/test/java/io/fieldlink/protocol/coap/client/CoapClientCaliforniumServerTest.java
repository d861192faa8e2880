package io.fieldlink.protocol.coap.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import io.fieldlink.protocol.coap.ContentFormat;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies this client against a real Californium server on loopback (port 0): piggy-backed and
 * separate responses and a Block2 download, over a real UDP socket pumped by the test.
 */
class CoapClientCaliforniumServerTest {
    private static final byte[] IMAGE = Block2DownloadTest.image(5000, 42);
    private CoapServer server;
    private DatagramSocket socket;
    private CoapClient client;

    @BeforeEach
    void start() throws IOException {
        CoapConfig.register();
        UdpConfig.register();
        Configuration config = Configuration.createStandardWithoutFile();
        server = new CoapServer(config);
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        server.addEndpoint(endpoint);
        server.add(new CoapResource("up") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(ResponseCode.CHANGED, ("got " + exchange.getRequestPayload().length).getBytes(),
                        ContentFormat.TEXT_PLAIN);
            }
        });
        server.add(new CoapResource("slow") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.accept();
                exchange.respond(ResponseCode.CREATED, "later");
            }
        });
        server.add(new CoapResource("fw") {
            @Override
            public void handleGET(CoapExchange exchange) {
                Response r = new Response(ResponseCode.CONTENT);
                r.getOptions().setContentFormat(ContentFormat.OCTET_STREAM).addETag(new byte[] {0x11, 0x22});
                r.setPayload(IMAGE);
                exchange.respond(r);
            }
        });
        server.start();
        int port = endpoint.getAddress().getPort();
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        DatagramSender sender = (data, off, len) -> {
            try {
                socket.send(new DatagramPacket(Arrays.copyOfRange(data, off, off + len), len));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        client = new CoapClient(sender, () -> System.nanoTime() / 1_000_000, new Random(), new CoapClientConfig());
    }

    @AfterEach
    void stop() {
        socket.close();
        server.destroy();
    }

    @Test
    void piggybackedResponseFromCalifornium() throws IOException {
        RecordingHandler h = new RecordingHandler();
        client.request(new CoapMessage().setType(CoapType.CON).setCode(CoapCode.POST).setUriPath("up")
                .setContentFormat(ContentFormat.CBOR).setPayload(new byte[120]), h);
        pump(() -> h.outcomes() > 0);
        assertThat(h.failures).isEmpty();
        assertThat(h.responses.get(0).code()).isEqualTo(CoapCode.CHANGED);
        assertThat(h.responses.get(0).payloadString()).isEqualTo("got 120");
    }

    @Test
    void separateResponseFromCaliforniumIsAcked() throws IOException {
        RecordingHandler h = new RecordingHandler();
        client.request(new CoapMessage().setType(CoapType.CON).setCode(CoapCode.POST).setUriPath("slow"), h);
        pump(() -> h.outcomes() > 0);
        assertThat(h.responses).hasSize(1);
        assertThat(h.responses.get(0).type()).isEqualTo(CoapType.CON);
        assertThat(h.responses.get(0).payloadString()).isEqualTo("later");
        // had our ACK been lost, Californium would retransmit the CON response after ~2-3 s
        assertThat(client.duplicateCount()).isZero();
    }

    @Test
    void block2DownloadFromCalifornium() throws IOException {
        CollectingSink sink = new CollectingSink();
        Block2Download d = new Block2Download(client,
                new CoapMessage().setType(CoapType.CON).setCode(CoapCode.GET).setUriPath("fw"), 5, 2, sink);
        d.start();
        pump(sink::finished);
        assertThat(sink.failures).isEmpty();
        assertThat(sink.total).isEqualTo(IMAGE.length);
        assertThat(sink.data.toByteArray()).isEqualTo(IMAGE);
        assertThat(d.etag()).containsExactly(0x11, 0x22);
        assertThat(sink.offsets).hasSizeGreaterThanOrEqualTo(10);
    }

    private void pump(BooleanSupplier done) throws IOException {
        byte[] buf = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        long giveUp = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("exchange finished in time").isLessThan(giveUp);
            long next = client.poll();
            long now = System.nanoTime() / 1_000_000;
            socket.setSoTimeout((int) (next < 0 ? 50 : Math.max(1, Math.min(50, next - now))));
            try {
                packet.setLength(buf.length);
                socket.receive(packet);
                client.onDatagram(packet.getData(), packet.getOffset(), packet.getLength());
            } catch (SocketTimeoutException e) {
                // a quiet moment: loop to poll
            }
        }
    }
}
