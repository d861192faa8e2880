package io.fieldlink.firmware.jvm.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.jvm.loop.TinylogBoardLog;
import io.fieldlink.firmware.kernel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verifies that the board's DTLS transport reaches a PSK server on loopback and delivers replies on the loop thread. */
class DtlsTransportTest {
    private static final byte[] PSK = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private DTLSConnector server;
    private BoardLoopThread loop;
    private DtlsTransport transport;

    @BeforeEach
    void startEchoServer() throws Exception {
        AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
        keys.setKey("meter-1", PSK);
        server = new DTLSConnector(DtlsConnectorConfig.builder(DtlsTransport.CaliforniumConfig.get())
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY)
                .set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                .setAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .setAdvancedPskStore(keys)
                .build());
        server.setRawDataReceiver(raw -> {
            byte[] reply = ("echo:" + new String(raw.getBytes(), StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
            server.send(RawData.outbound(reply, raw.getEndpointContext(), null, false));
        });
        server.start();
        SystemClock clock = new SystemClock();
        loop = new BoardLoopThread("meter-1", new EventLoop(clock, new TinylogBoardLog("meter-1"), 8), clock);
        loop.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (transport != null) {
            transport.close();
        }
        loop.close();
        server.destroy();
    }

    @Test
    void roundTripOverDtlsPskArrivesOnTheLoopThread() throws Exception {
        transport = DtlsTransport.start(server.getAddress(), "meter-1", PSK, loop);
        CompletableFuture<String> reply = new CompletableFuture<>();
        CompletableFuture<Boolean> onLoop = new CompletableFuture<>();
        transport.setReceiver((data, offset, length) -> {
            onLoop.complete(loop.onLoopThread());
            reply.complete(new String(data, offset, length, StandardCharsets.US_ASCII));
        });

        byte[] frame = "xxhelloxx".getBytes(StandardCharsets.US_ASCII);
        transport.send(frame, 2, 5);

        assertThat(reply.get(20, TimeUnit.SECONDS)).isEqualTo("echo:hello");
        assertThat(onLoop.get(1, TimeUnit.SECONDS)).isTrue();
    }
}
