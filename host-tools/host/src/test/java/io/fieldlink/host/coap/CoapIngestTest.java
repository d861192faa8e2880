package io.fieldlink.host.coap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.ingest.Reading;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real host on loopback and talks to it as a board over DTLS and plain CoAP. */
class CoapIngestTest {
    private static final long T0 = 1_763_683_200L; // 2025-11-21T00:00:00Z, seconds
    @TempDir
    Path dir;
    HostServer host;
    final List<CoapEndpoint> endpoints = new ArrayList<>();

    @BeforeEach
    void start() {
        host = HostFixture.start(dir);
    }

    @AfterEach
    void stop() {
        endpoints.forEach(CoapEndpoint::destroy);
        host.close();
    }

    private CoapClient dtls(String id, byte[] psk, String path, Duration timeout) {
        CoapEndpoint ep = HostFixture.dtlsEndpoint(id, psk);
        endpoints.add(ep);
        return HostFixture.client("coaps://127.0.0.1:" + host.coapsPort() + "/" + path, ep, timeout);
    }

    private CoapClient plain(String pathAndQuery) {
        CoapEndpoint ep = HostFixture.plainEndpoint();
        endpoints.add(ep);
        return HostFixture.client("coap://127.0.0.1:" + host.coapPort() + "/" + pathAndQuery, ep, Duration.ofSeconds(10));
    }

    private static byte[] pack(double v, long t) {
        return ("[{\"bn\":\"m1:\",\"bt\":" + t + ",\"n\":\"voltage\",\"u\":\"V\",\"v\":" + v + "},"
                + "{\"n\":\"current\",\"u\":\"A\",\"v\":1.5},{\"n\":\"relay\",\"vb\":true}]").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void telemetryOverDtlsIsStoredBeforeTheAck() throws Exception {
        byte[] psk = HostFixture.provision(host, "m1", "meter");
        CoapResponse r = dtls("m1", psk, "telemetry", Duration.ofSeconds(10)).post(pack(230.5, T0), 110);
        assertThat(r).isNotNull();
        assertThat(r.getCode()).isEqualTo(ResponseCode.CHANGED);
        List<Reading> v = host.series().readings("m1", "m1:voltage", 0, Long.MAX_VALUE, 10);
        assertThat(v).containsExactly(new Reading("m1:voltage", T0 * 1000, 230.5));
        assertThat(host.series().events("m1", 0, Long.MAX_VALUE, 10)).hasSize(1);
        assertThat(host.registry().find("m1").orElseThrow().lastSeen()).isPositive();
    }

    @Test
    void senmlCborFromAStandardClientIsStored() throws Exception {
        byte[] psk = HostFixture.provision(host, "w1", "wellhead");
        byte[] pack = new io.fieldlink.protocol.cbor.CborWriter().writeArrayHeader(1).writeMapHeader(3)
                .writeInt(0).writeText("tubing").writeInt(6).writeInt(T0).writeInt(2).writeFloat(41.25).toByteArray();
        CoapResponse r = dtls("w1", psk, "telemetry", Duration.ofSeconds(10)).post(pack, 112);
        assertThat(r.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(host.series().readings("w1", "tubing", 0, Long.MAX_VALUE, 10))
                .containsExactly(new Reading("tubing", T0 * 1000, 41.25));
        CoapResponse bad = dtls("w1", psk, "telemetry", Duration.ofSeconds(10)).post(new byte[] {(byte) 0x81, (byte) 0xa1}, 112);
        assertThat(bad.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(bad.getResponseText()).contains("offset");
    }

    @Test
    void malformedSenmlGets400WithReasonAndStoresNothing() throws Exception {
        byte[] psk = HostFixture.provision(host, "m1", "meter");
        CoapClient c = dtls("m1", psk, "telemetry", Duration.ofSeconds(10));
        CoapResponse notJson = c.post("[{\"n\":\"v\",\"v\":1".getBytes(StandardCharsets.UTF_8), 110);
        assertThat(notJson.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(notJson.getResponseText()).contains("offset");
        CoapResponse twoValues = c.post("[{\"n\":\"v\",\"v\":1,\"vs\":\"x\"}]".getBytes(StandardCharsets.UTF_8), 110);
        assertThat(twoValues.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(twoValues.getResponseText()).contains("senml[0]").contains("more than one value");
        CoapResponse badName = c.post(("[{\"n\":\"ok\",\"v\":1},{\"n\":\"b d\",\"v\":2}]").getBytes(StandardCharsets.UTF_8), 110);
        assertThat(badName.getResponseText()).contains("senml[1]");
        CoapResponse wrongFormat = c.post("hello".getBytes(StandardCharsets.UTF_8), 0);
        assertThat(wrongFormat.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(host.series().readings("m1", "ok", 0, Long.MAX_VALUE, 10)).isEmpty();
        assertThat(host.metrics().uplinks()).isZero();
        assertThat(host.metrics().rejects("json")).isEqualTo(1);
    }

    @Test
    void unknownDeviceNeverGetsPastTheHandshake() throws Exception {
        CoapResponse r = dtls("ghost", new byte[16], "telemetry", Duration.ofSeconds(3)).post(pack(1, T0), 110);
        assertThat(r).isNull();
        assertThat(host.metrics().uplinks()).isZero();
    }

    @Test
    void wrongPskNeverGetsPastTheHandshake() throws Exception {
        byte[] psk = HostFixture.provision(host, "m1", "meter");
        byte[] wrong = psk.clone();
        wrong[0] ^= 1;
        CoapResponse r = dtls("m1", wrong, "telemetry", Duration.ofSeconds(3)).post(pack(1, T0), 110);
        assertThat(r).isNull();
        assertThat(host.series().readings("m1", "m1:voltage", 0, Long.MAX_VALUE, 10)).isEmpty();
    }

    @Test
    void deviceProvisionedWhileRunningConnectsWithoutRestart() throws Exception {
        HostFixture.provision(host, "first", "pump");
        byte[] psk = HostFixture.provision(host, "later", "wellhead");
        CoapResponse r = dtls("later", psk, "telemetry", Duration.ofSeconds(10)).post(pack(2, T0), 110);
        assertThat(r.getCode()).isEqualTo(ResponseCode.CHANGED);
    }

    @Test
    void plainCoapNamesTheDeviceWithQuery() throws Exception {
        HostFixture.provision(host, "m2", "meter");
        assertThat(plain("telemetry?d=m2").post(pack(3, T0), 110).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(plain("telemetry?d=nobody").post(pack(3, T0), 110).getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(plain("telemetry").post(pack(3, T0), 110).getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(host.series().readings("m2", "m1:voltage", 0, Long.MAX_VALUE, 10)).hasSize(1);
    }

    @Test
    void sameTelemetryTwiceIsStoredOnceAndRolledUpOnce() throws Exception {
        HostFixture.provision(host, "m3", "meter");
        CoapClient c = plain("telemetry?d=m3");
        c.post(pack(10, T0), 110);
        c.post(pack(10, T0), 110);
        c.post(pack(20, T0 + 60), 110);
        var buckets = host.series().buckets("m3", "m1:voltage", io.fieldlink.host.ingest.Resolution.H1, 0, Long.MAX_VALUE, 10);
        assertThat(buckets).hasSize(1);
        assertThat(buckets.get(0).count()).isEqualTo(2);
        assertThat(buckets.get(0).mean()).isEqualTo(15.0);
    }

    @Test
    void firmwareImageIsServedBlockwise() throws Exception {
        byte[] image = new byte[5000];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 31);
        }
        Files.createDirectories(dir.resolve("firmware"));
        Files.write(dir.resolve("firmware").resolve("1.2.0"), image);
        byte[] psk = HostFixture.provision(host, "m4", "meter");
        CoapResponse r = dtls("m4", psk, "fw/1.2.0", Duration.ofSeconds(20)).get();
        assertThat(r.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.getPayload()).isEqualTo(image);
        assertThat(dtls("m4", psk, "fw/9.9", Duration.ofSeconds(10)).get().getCode()).isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void garbageDatagramsDoNotHurtTheServer() throws Exception {
        HostFixture.provision(host, "m5", "meter");
        try (java.net.DatagramSocket s = new java.net.DatagramSocket()) {
            byte[] junk = {(byte) 0x45, 0x01, 0x02};
            s.send(new java.net.DatagramPacket(junk, junk.length, java.net.InetAddress.getLoopbackAddress(), host.coapPort()));
            s.send(new java.net.DatagramPacket(junk, junk.length, java.net.InetAddress.getLoopbackAddress(), host.coapsPort()));
        }
        assertThat(plain("telemetry?d=m5").post(pack(3, T0), 110).getCode()).isEqualTo(ResponseCode.CHANGED);
    }
}
