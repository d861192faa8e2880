package io.fieldlink.host.web;

import static io.fieldlink.host.HostFixture.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostFixture.Reply;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.record.FirmwareManifest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.Test;

/** Firmware images through the HTTP API of a real host, served to a device over DTLS with Block2. */
class FirmwareApiTest extends RunningHostTest {

    Reply call(String method, String path, String body) {
        return http(host.httpPort(), method, path, op, body);
    }

    static byte[] image(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 13 + (i >> 7));
        }
        return b;
    }

    static String upload(String version, byte[] image) {
        return "{\"version\":\"" + version + "\",\"image\":\"" + Base64.getEncoder().encodeToString(image) + "\"}";
    }

    @Test
    void anImageUploadIsNotHeldToTheGeneralBodyLimitButOtherRoutesAndStrangersAre() {
        byte[] img = image(1 << 20); // a real board jar is ~100 KB; the general limit (http.max-body) is 64 KB
        Reply r = call("POST", "/api/firmware", upload("1.2.0", img));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(((Number) r.json().get("size")).longValue()).isEqualTo(1 << 20);

        String big = "{\"id\":\"" + "x".repeat(100_000) + "\",\"board\":\"meter\"}";
        Reply devices = call("POST", "/api/devices", big);
        assertThat(devices.status()).isEqualTo(413);
        assertThat(devices.body()).contains("larger than 65536");
        Reply stranger = http(host.httpPort(), "POST", "/api/firmware", null, upload("1.3.0", image(1_000)));
        assertThat(stranger.status()).as("no key: refused (before its body is read)").isEqualTo(401);
        assertThat(call("GET", "/api/firmware", null).body()).contains("1.2.0").doesNotContain("1.3.0");
    }

    @Test
    void aRegisteredImageCarriesAManifestSignedByATrustedIssuerKeyAndIsServedBlockwise() throws Exception {
        byte[] img = image(7_000);
        Reply r = call("POST", "/api/firmware", upload("1.1.0", img));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("sha256")).isEqualTo(HexFormat.of().formatHex(BouncyCastleCrypto.INSTANCE.sha256(img)));

        CoseSign1 manifest = CoseSign1.decode(Base64.getDecoder().decode((String) r.json().get("manifest")));
        FirmwareManifest m = FirmwareManifest.decode(manifest.payload());
        assertThat(m.firmwareVersion()).isEqualTo("1.1.0");
        assertThat(m.sizeBytes()).isEqualTo(7_000);
        Reply keys = call("GET", "/api/issuer-keys", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) ((List<Object>) keys.json().get("keys")).get(0);
        byte[] pub = Base64.getUrlDecoder().decode((String) key.get("x"));
        assertThat(manifest.verify(BouncyCastleCrypto.INSTANCE, pub)).isTrue();
        assertThat(HexFormat.of().formatHex(manifest.keyId())).isEqualTo(key.get("kid"));

        assertThat(call("GET", "/api/firmware", null).body()).contains("\"version\":\"1.1.0\"");
        assertThat(call("POST", "/api/firmware", upload("1.1.0", img)).status()).as("same bytes again").isEqualTo(201);

        byte[] psk = HostFixture.provision(host, "m-7", "meter");
        CoapEndpoint ep = HostFixture.dtlsEndpoint("m-7", psk);
        try {
            CoapClient c = HostFixture.client("coaps://127.0.0.1:" + host.coapsPort() + "/fw/1.1.0", ep, Duration.ofSeconds(20));
            CoapResponse got = c.get();
            assertThat(got.getCode()).isEqualTo(ResponseCode.CONTENT);
            assertThat(got.getPayload()).isEqualTo(img);
            assertThat(got.getOptions().getETags()).hasSize(1);
            assertThat(got.getOptions().getETags().get(0)).hasSize(8);
            c.shutdown();
        } finally {
            ep.destroy();
        }
        assertThat(Files.exists(dir.resolve("firmware").resolve("1.1.0"))).isTrue();
    }

    @Test
    void badUploadsAreRefusedWithAReasonAndStoreNothing() {
        assertThat(call("POST", "/api/firmware", "{\"version\":\"../x\",\"image\":\"AAAA\"}").body()).contains("version");
        assertThat(call("POST", "/api/firmware", "{\"version\":\"1.0\",\"image\":\"not base64!\"}").status()).isEqualTo(400);
        assertThat(call("POST", "/api/firmware", "{\"version\":\"1.0\",\"image\":\"\"}").body()).contains("image is empty");
        assertThat(call("POST", "/api/firmware", "{\"version\":\"1.0\",\"image\":\"AAAA\",\"x\":1}").body())
                .contains("unknown field");
        assertThat(call("POST", "/api/firmware", upload("1.2.0", image(10))).status()).isEqualTo(201);
        Reply again = call("POST", "/api/firmware", upload("1.2.0", image(11)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already registered with other bytes");
        assertThat(http(host.httpPort(), "POST", "/api/firmware", null, upload("1.3.0", image(10))).status()).isEqualTo(401);
        assertThat(call("GET", "/api/firmware", null).body()).doesNotContain("1.3.0");
    }

    @Test
    void aRolloutNamesUnknownImagesAndDevices() {
        HostFixture.provision(host, "m-1", "meter");
        assertThat(call("POST", "/api/firmware/9.9.9/rollout", "{\"devices\":[\"m-1\"]}").status()).isEqualTo(404);
        call("POST", "/api/firmware", upload("1.2.0", image(10)));
        assertThat(call("POST", "/api/firmware/1.2.0/rollout", "{\"devices\":[\"nope\"]}").status()).isEqualTo(404);
        assertThat(call("POST", "/api/firmware/1.2.0/rollout", "{\"devices\":[]}").status()).isEqualTo(400);
        Reply device = call("GET", "/api/devices/m-1/firmware", null);
        assertThat(device.status()).isEqualTo(200);
        assertThat(device.body()).doesNotContain("update");
    }

    /** A packaged image's manifest, signed beforehand by the host's issuer key, is kept as is; others are refused. */
    @Test
    void aManifestSignedBeforehandByATrustedIssuerKeyIsKeptAndOthersAreRefused() {
        byte[] img = image(5_000);
        byte[] sha = BouncyCastleCrypto.INSTANCE.sha256(img);
        io.fieldlink.crypto.jvm.IssuerKeyPair hostKey = host.billing().keyring().active().pair();
        byte[] signed = CoseSign1.sign(new FirmwareManifest("2.0.0", img.length, sha).encode(), hostKey).encode();
        io.fieldlink.crypto.jvm.IssuerKeyPair stranger = io.fieldlink.crypto.jvm.IssuerKeyPair.fromSeed(new byte[32]);
        byte[] foreign = CoseSign1.sign(new FirmwareManifest("2.0.0", img.length, sha).encode(), stranger).encode();
        byte[] otherVersion = CoseSign1.sign(new FirmwareManifest("2.0.1", img.length, sha).encode(), hostKey).encode();

        Reply bad = call("POST", "/api/firmware", withManifest("2.0.0", img, foreign));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("not a trusted issuer key");
        Reply mismatch = call("POST", "/api/firmware", withManifest("2.0.0", img, otherVersion));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("not this image");
        Reply garbage = call("POST", "/api/firmware", withManifest("2.0.0", img, new byte[] {1, 2, 3}));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).contains("COSE_Sign1");
        assertThat(call("GET", "/api/firmware", null).body()).doesNotContain("2.0.0");

        Reply ok = call("POST", "/api/firmware", withManifest("2.0.0", img, signed));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(Base64.getDecoder().decode((String) ok.json().get("manifest"))).isEqualTo(signed);
    }

    static String withManifest(String version, byte[] image, byte[] manifest) {
        return "{\"version\":\"" + version + "\",\"image\":\"" + Base64.getEncoder().encodeToString(image)
                + "\",\"manifest\":\"" + Base64.getEncoder().encodeToString(manifest) + "\"}";
    }
}
