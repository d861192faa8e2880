package io.fieldlink.firmware.jvm.net;

import io.fieldlink.firmware.hal.DatagramReceiver;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
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
 * DTLS 1.2 with a pre-shared key ({@code TLS_PSK_WITH_AES_128_CCM_8}, identity = device id) to the
 * host, as a {@link DatagramTransport}. The handshake happens on the first send; a wrong key shows
 * up as silence (the CoAP layer retransmits and backs off). Inbound datagrams are copied and posted
 * to the board's loop thread.
 */
public final class DtlsTransport implements DatagramTransport, AutoCloseable {
    /** CoAP over DTLS keeps datagrams under a typical path MTU. */
    public static final int MAX_DATAGRAM = 1152;

    private final DTLSConnector connector;
    private final AddressEndpointContext host;
    private volatile DatagramReceiver receiver;

    private DtlsTransport(DTLSConnector connector, InetSocketAddress host) {
        this.connector = connector;
        this.host = new AddressEndpointContext(host);
    }

    /**
     * Starts a client connector bound to an ephemeral local port.
     *
     * @param host the host's CoAPS address
     * @param deviceId the PSK identity
     * @param psk the device's pre-shared key
     * @param loop the board's loop thread, where inbound datagrams are delivered
     */
    public static DtlsTransport start(InetSocketAddress host, String deviceId, byte[] psk, BoardLoopThread loop) throws IOException {
        DtlsConnectorConfig config = DtlsConnectorConfig.builder(CaliforniumConfig.get())
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY)
                .set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                .setAddress(new InetSocketAddress(0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(deviceId, psk))
                .build();
        DTLSConnector connector = new DTLSConnector(config);
        DtlsTransport transport = new DtlsTransport(connector, host);
        connector.setRawDataReceiver(raw -> {
            byte[] bytes = raw.getBytes();
            loop.post(() -> transport.deliver(bytes));
        });
        connector.start();
        return transport;
    }

    private void deliver(byte[] bytes) {
        DatagramReceiver current = receiver;
        if (current != null) {
            current.onDatagram(bytes, 0, bytes.length);
        }
    }

    @Override
    public void send(byte[] data, int offset, int length) {
        connector.send(RawData.outbound(Arrays.copyOfRange(data, offset, offset + length), host, null, false));
    }

    @Override
    public void setReceiver(DatagramReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public int maxDatagramSize() {
        return MAX_DATAGRAM;
    }

    @Override
    public void close() {
        connector.destroy();
    }

    /** Californium's configuration, made once without writing a properties file. */
    static final class CaliforniumConfig {
        private static Configuration configuration;

        private CaliforniumConfig() {
        }

        static synchronized Configuration get() {
            if (configuration == null) {
                DtlsConfig.register();
                configuration = Configuration.createStandardWithoutFile();
            }
            return configuration;
        }
    }
}
