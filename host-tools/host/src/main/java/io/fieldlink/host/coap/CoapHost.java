package io.fieldlink.host.coap;

import io.fieldlink.host.HostException;
import io.fieldlink.host.command.CommandDelivery;
import io.fieldlink.host.config.HostConfig;
import io.fieldlink.host.ingest.Ingest;
import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.Device;
import io.fieldlink.host.registry.DeviceRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;

/**
 * The host's CoAP server: a DTLS 1.2 PSK endpoint ({@code TLS_PSK_WITH_AES_128_CCM_8}, identity =
 * device id) whose key store follows the registry, so a device provisioned while running can
 * connect at once, and optionally a plain endpoint. Start once, stop once.
 */
public final class CoapHost implements AutoCloseable {
    private final CoapServer server;
    private final CoapEndpoint secure;
    private final CoapEndpoint plain;

    /**
     * Builds the server (not started).
     *
     * @param firmwareDir directory served under {@code fw/}
     * @param commands the open commands that ride on hello answers and Acks
     */
    public CoapHost(HostConfig config, DeviceRegistry registry, Ingest ingest, HostMetrics metrics, Clock clock,
            Path firmwareDir, CommandDelivery commands) {
        Configuration cf = californiumConfig(config);
        AdvancedMultiPskStore psks = new AdvancedMultiPskStore();
        for (Device d : registry.all()) {
            psks.setKey(d.id(), d.psk());
        }
        registry.onProvisioned(d -> psks.setKey(d.id(), d.psk()));
        String bind = config.get(HostConfig.BIND_ADDRESS);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(cf)
                .setAddress(new InetSocketAddress(bind, config.get(HostConfig.COAPS_PORT)))
                .setAdvancedPskStore(psks)
                .build();
        server = new CoapServer(cf);
        secure = new CoapEndpoint.Builder().setConfiguration(cf).setConnector(new DTLSConnector(dtls)).build();
        server.addEndpoint(secure);
        DeviceIdentity identity = new DeviceIdentity(registry);
        if (config.get(HostConfig.COAP_INSECURE)) {
            plain = new CoapEndpoint.Builder().setConfiguration(cf)
                    .setInetSocketAddress(new InetSocketAddress(bind, config.get(HostConfig.COAP_PORT))).build();
            server.addEndpoint(plain);
            identity.setInsecureEndpoint(plain);
        } else {
            plain = null;
        }
        int maxPayload = config.get(HostConfig.COAP_MAX_PAYLOAD);
        server.add(new TelemetryResource(identity, ingest, metrics, clock, maxPayload));
        server.add(new HelloResource(identity, ingest, metrics, clock, maxPayload, commands));
        server.add(new BatchResource(identity, ingest, metrics, clock, maxPayload, commands));
        server.add(new FirmwareResource(firmwareDir, identity));
    }

    static Configuration californiumConfig(HostConfig config) {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Configuration cf = Configuration.createStandardWithoutFile();
        cf.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        cf.setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8);
        cf.set(DtlsConfig.DTLS_MAX_CONNECTIONS, config.get(HostConfig.DTLS_MAX_CONNECTIONS));
        cf.set(CoapConfig.MAX_ACTIVE_PEERS, config.get(HostConfig.DTLS_MAX_CONNECTIONS));
        cf.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 16 * 1024 * 1024);
        // the default keeps every exchange for EXCHANGE_LIFETIME (247 s): gigabytes at thousands of
        // uplinks per second; a few per peer answer retransmissions, and seqs catch the rest
        cf.set(CoapConfig.DEDUPLICATOR, CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP);
        cf.set(CoapConfig.PEERS_MARK_AND_SWEEP_MESSAGES, config.get(HostConfig.COAP_DEDUP_PER_PEER));
        int rcvbuf = config.get(HostConfig.UDP_RECEIVE_BUFFER);
        if (rcvbuf > 0) {
            cf.set(UdpConfig.UDP_RECEIVE_BUFFER_SIZE, rcvbuf);
            cf.set(DtlsConfig.DTLS_RECEIVE_BUFFER_SIZE, rcvbuf);
        }
        return cf;
    }

    /**
     * Binds the endpoints.
     *
     * @throws HostException when a port cannot be bound
     */
    public void start() {
        try {
            server.start();
        } catch (IllegalStateException e) {
            throw new HostException("cannot start CoAP: " + e.getMessage(), e);
        }
    }

    /** @return the bound DTLS port */
    public int securePort() {
        return secure.getAddress().getPort();
    }

    /** @return the bound plain CoAP port, or -1 when not opened */
    public int plainPort() {
        return plain == null ? -1 : plain.getAddress().getPort();
    }

    /**
     * Adds another endpoint serving the same resources and starts it (the simulator's in-process
     * connector); identities come from the endpoint context's principal as on the DTLS endpoint.
     *
     * @throws java.io.IOException when the endpoint cannot start
     */
    public void addEndpoint(org.eclipse.californium.core.network.Endpoint endpoint) throws java.io.IOException {
        server.addEndpoint(endpoint);
        endpoint.start();
    }

    @Override
    public void close() {
        server.stop();
        server.destroy();
    }
}
