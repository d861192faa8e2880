package io.fieldlink.host;

import io.fieldlink.host.json.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/** Test helpers: HTTP calls against a running host, provisioning, and CoAP clients playing a board. */
public final class HostFixture {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HostFixture() {
    }

    /** Starts a host on loopback with every port 0 and plain CoAP open. */
    public static HostServer start(Path dir) {
        return HostServer.builder().dataDir(dir).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).insecureCoap(0)
                .build().start();
    }

    /** A status and body. */
    public record Reply(int status, String body) {
        public Map<String, Object> json() {
            return JsonReader.parseObject(body);
        }
    }

    public static Reply http(int port, String method, String path, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Provisions a device through the API as the operator. @return its PSK */
    public static byte[] provision(HostServer host, String id, String board) {
        Reply r = http(host.httpPort(), "POST", "/api/devices", host.operatorKey(),
                "{\"id\":\"" + id + "\",\"board\":\"" + board + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("provisioning failed: " + r);
        }
        return HexFormat.of().parseHex((String) r.json().get("psk"));
    }

    static long number(Object o) {
        return ((BigDecimal) o).longValue();
    }

    /** Californium configuration for test clients. */
    public static Configuration clientConfig() {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Configuration cf = Configuration.createStandardWithoutFile();
        cf.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        cf.setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8);
        cf.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1);
        cf.set(CoapConfig.MAX_RETRANSMIT, 2);
        return cf;
    }

    /** A DTLS endpoint holding one device's PSK (the "board"). */
    public static CoapEndpoint dtlsEndpoint(String identity, byte[] psk) {
        Configuration cf = clientConfig();
        DtlsConnectorConfig dc = DtlsConnectorConfig.builder(cf).setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, psk)).build();
        return new CoapEndpoint.Builder().setConfiguration(cf).setConnector(new DTLSConnector(dc)).build();
    }

    /** A plain CoAP endpoint. */
    public static CoapEndpoint plainEndpoint() {
        Configuration cf = clientConfig();
        return new CoapEndpoint.Builder().setConfiguration(cf).setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
                .build();
    }

    /** A client for {@code uri} through {@code endpoint}, giving up after {@code timeout}. */
    public static CoapClient client(String uri, CoapEndpoint endpoint, Duration timeout) {
        CoapClient c = new CoapClient(uri);
        c.setEndpoint(endpoint);
        c.setTimeout(timeout.toMillis());
        return c;
    }

    /**
     * Copies a data directory as it is this moment, e.g. a running host's: with the store between two
     * checkpoints this is what {@code kill -9} would leave (a crash image).
     */
    public static void copyTree(java.nio.file.Path from, java.nio.file.Path to) throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(from)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) s::iterator) {
                java.nio.file.Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
