package io.fieldlink.simulator.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * Real UDP with DTLS 1.2 PSK ({@code TLS_PSK_WITH_AES_128_CCM_8}, identity = device id) to a host,
 * one Scandium client connector (one socket) per board, as a device in the field has. The
 * connectors share one small executor; each keeps one receiver thread.
 */
public final class DtlsHost implements HostPort {
    private final InetSocketAddress host;
    private final Configuration config;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "sim-dtls");
        t.setDaemon(true);
        return t;
    });

    /** @param host the host's CoAPS address */
    public DtlsHost(InetSocketAddress host) {
        this.host = host;
        DtlsConfig.register();
        this.config = Configuration.createStandardWithoutFile();
    }

    @Override
    public Connection connect(String deviceId, byte[] psk, Inbound inbound) throws IOException {
        DtlsConnectorConfig c = DtlsConnectorConfig.builder(config)
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY)
                .set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false)
                .set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1)
                .set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1)
                .set(DtlsConfig.DTLS_MAX_CONNECTIONS, 4)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                .setAddress(new InetSocketAddress(0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(deviceId, psk))
                .build();
        DTLSConnector connector = new DTLSConnector(c);
        connector.setExecutor(executor);
        connector.setRawDataReceiver(raw -> inbound.datagram(raw.getBytes()));
        connector.start();
        AddressEndpointContext peer = new AddressEndpointContext(host);
        return new Connection() {
            @Override
            public void send(byte[] datagram) {
                connector.send(RawData.outbound(datagram, peer, null, false));
            }

            @Override
            public void close() {
                connector.destroy();
            }
        };
    }

    @Override
    public String describe() {
        return "dtls " + host.getHostString() + ":" + host.getPort();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
