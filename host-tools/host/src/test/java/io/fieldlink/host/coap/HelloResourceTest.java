package io.fieldlink.host.coap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.registry.Device;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.record.Hello;
import io.fieldlink.protocol.record.HelloAnswer;
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

/** A board says hello over real DTLS on loopback and gets the host's time. */
class HelloResourceTest {
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

    private CoapClient hello(String id, byte[] psk) {
        CoapEndpoint ep = HostFixture.dtlsEndpoint(id, psk);
        endpoints.add(ep);
        return HostFixture.client("coaps://127.0.0.1:" + host.coapsPort() + "/hello", ep, Duration.ofSeconds(10));
    }

    @Test
    void helloIsRecordedAndAnsweredWithTheHostTime() throws Exception {
        byte[] psk = HostFixture.provision(host, "p1", "pump");
        long before = System.currentTimeMillis();
        CoapResponse r = hello("p1", psk).post(new Hello("pump", "p1", "1.4.2", 7).encode(), 60);
        long after = System.currentTimeMillis();
        assertThat(r.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(r.getOptions().getContentFormat()).isEqualTo(60);
        HelloAnswer answer = HelloAnswer.decode(r.getPayload());
        assertThat(answer.hostTimeMs()).isBetween(before, after);
        assertThat(answer.commands()).isEmpty();
        Device d = host.registry().find("p1").orElseThrow();
        assertThat(d.firmware()).isEqualTo("1.4.2");
        assertThat(d.bootCount()).isEqualTo(7);
        assertThat(d.lastSeen()).isBetween(before, after);
    }

    @Test
    void malformedHelloGets400NamingTheFieldAndChangesNothing() throws Exception {
        byte[] psk = HostFixture.provision(host, "p1", "pump");
        byte[] noBootCount = new CborWriter().writeMapHeader(4).writeInt(0).writeInt(1).writeInt(1).writeText("pump")
                .writeInt(2).writeText("p1").writeInt(3).writeText("1.0").toByteArray();
        CoapResponse r = hello("p1", psk).post(noBootCount, 60);
        assertThat(r.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(r.getResponseText()).contains("hello.bootCount");
        CoapResponse junk = hello("p1", psk).post(new byte[] {(byte) 0xa5, 0x00}, 60);
        assertThat(junk.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        Device d = host.registry().find("p1").orElseThrow();
        assertThat(d.firmware()).isNull();
        assertThat(d.lastSeen()).isZero();
    }

    @Test
    void helloNamingAnotherDeviceOrBoardKindIsRefused() throws Exception {
        byte[] psk = HostFixture.provision(host, "p1", "pump");
        HostFixture.provision(host, "p2", "pump");
        CoapResponse other = hello("p1", psk).post(new Hello("pump", "p2", "1.0", 1).encode(), 60);
        assertThat(other.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(other.getResponseText()).contains("hello.boardId");
        CoapResponse kind = hello("p1", psk).post(new Hello("meter", "p1", "1.0", 1).encode(), 60);
        assertThat(kind.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(kind.getResponseText()).contains("hello.boardKind");
        assertThat(host.registry().find("p1").orElseThrow().firmware()).isNull();
        assertThat(host.registry().find("p2").orElseThrow().firmware()).isNull();
    }
}
