package io.fieldlink.host.web;

import static io.fieldlink.host.HostFixture.http;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostFixture.Reply;
import io.fieldlink.host.ledger.MerkleHashing;
import io.fieldlink.host.ledger.MerkleProofs;
import io.fieldlink.protocol.token.CreditRules;
import io.fieldlink.protocol.token.CreditTokenWindow;
import io.fieldlink.protocol.token.TrustedKeys;
import io.fieldlink.protocol.token.Verdict;
import io.fieldlink.protocol.token.TokenVerifier;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The billing API of a real host on loopback: issuer keys, top-ups, QR codes, ledger and proofs, tariffs, bookings. */
class BillingApiTest extends RunningHostTest {
    @BeforeEach
    void provisionMeter() {
        HostFixture.provision(host, "m1", "meter");
    }

    private Reply call(String method, String path, String body) {
        return http(host.httpPort(), method, path, op, body);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Reply r, String name) {
        return (List<Object>) r.json().get(name);
    }

    private int auditSize() {
        return list(call("GET", "/api/audit", null), "entries").size();
    }

    @Test
    void issuerKeysAreAJwkSetAndRotate() {
        Reply keys = http(host.httpPort(), "GET", "/api/issuer-keys", null, null);
        assertThat(keys.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> k = (Map<String, Object>) list(keys, "keys").get(0);
        assertThat(k).containsEntry("kty", "OKP").containsEntry("crv", "Ed25519").containsKey("kid");
        assertThat(Base64.getUrlDecoder().decode((String) k.get("x"))).hasSize(32);
        Reply rotated = call("POST", "/api/issuer-keys/rotate", null);
        assertThat(rotated.status()).isEqualTo(201);
        assertThat(list(http(host.httpPort(), "GET", "/api/issuer-keys", null, null), "keys")).hasSize(2);
        assertThat(call("POST", "/api/issuer-keys/" + rotated.json().get("kid") + "/retire", null).status()).isEqualTo(400);
        assertThat(call("POST", "/api/issuer-keys/" + k.get("kid") + "/retire", null).status()).isEqualTo(200);
        assertThat(list(http(host.httpPort(), "GET", "/api/issuer-keys", null, null), "keys")).hasSize(1);
        assertThat(call("GET", "/api/audit", null).body()).contains("issuer-key.rotate", "issuer-key.retire");
    }

    @Test
    void topUpReturnsAVerifiableTokenAndARetryReturnsTheSameOne() throws Exception {
        Reply r = call("POST", "/api/accounts/m1/topups", "{\"amount\":25000,\"requestId\":\"pay-1\"}");
        assertThat(r.status()).isEqualTo(201);
        String token = (String) r.json().get("token");
        assertThat(token).startsWith("FL1:");
        TrustedKeys trusted = new TrustedKeys();
        trusted.add(host.billing().keyring().active().pair().keyId(), host.billing().keyring().active().pair().publicKey());
        Verdict v = new TokenVerifier(BouncyCastleCrypto.INSTANCE, trusted).verifyCredit(token, new CreditRules("m1", 1_000_000),
                new CreditTokenWindow(), Instant.now().getEpochSecond());
        assertThat(v.isOk()).isTrue();
        assertThat(v.claims().amountMilli()).isEqualTo(25000);

        Reply again = call("POST", "/api/accounts/m1/topups", "{\"amount\":25000,\"requestId\":\"pay-1\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("token")).isEqualTo(token);
        assertThat(call("POST", "/api/accounts/m1/topups", "{\"amount\":26000,\"requestId\":\"pay-1\"}").status()).isEqualTo(409);

        byte[] png = get((String) r.json().get("qr"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)))).getText();
        assertThat(decoded).isEqualTo(token);
        assertThat(list(call("GET", "/api/accounts/m1/topups", null), "topups")).hasSize(1);
        assertThat(call("GET", "/api/reconciliation", null).body()).contains("\"outstanding\":[{\"meter\":\"m1\"");
    }

    private byte[] get(String path) throws Exception {
        HttpResponse<byte[]> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + host.httpPort() + path)).header("Authorization", "Bearer " + op)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValue("image/png");
        return res.body();
    }

    @Test
    void badTopUpsAre400NamingTheFieldAndChangeNothing() {
        int audit = auditSize();
        long ledger = host.billing().ledger().size();
        Map<String, String> cases = Map.of(
                "{\"amount\":\"10\",\"requestId\":\"a\"}", "amount",
                "{\"amount\":0,\"requestId\":\"a\"}", "amount",
                "{\"amount\":1.5,\"requestId\":\"a\"}", "amount",
                "{\"amount\":100}", "requestId",
                "{\"amount\":100,\"requestId\":\"a\",\"x\":1}", "x",
                "not json", "");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Reply r = call("POST", "/api/accounts/m1/topups", c.getKey());
            assertThat(r.status()).as(c.getKey()).isEqualTo(400);
            assertThat((String) r.json().get("error")).as(c.getKey()).contains(c.getValue());
        }
        assertThat(call("POST", "/api/accounts/nope/topups", "{\"amount\":100,\"requestId\":\"a\"}").status()).isEqualTo(404);
        assertThat(list(call("GET", "/api/accounts/m1/topups", null), "topups")).isEmpty();
        assertThat(auditSize()).isEqualTo(audit);
        assertThat(host.billing().ledger().size()).isEqualTo(ledger);
    }

    @Test
    void ledgerServesCheckpointEntriesAndProofsThatVerify() {
        for (int i = 0; i < 5; i++) {
            assertThat(call("POST", "/api/accounts/m1/topups", "{\"amount\":1000,\"requestId\":\"r" + i + "\"}").status())
                    .isEqualTo(201);
        }
        Map<String, Object> cp1 = call("GET", "/api/ledger/checkpoint", null).json();
        assertThat(((BigDecimal) cp1.get("size")).longValue()).isEqualTo(5);
        byte[] root1 = HexFormat.of().parseHex((String) cp1.get("root"));
        List<Object> entries = list(call("GET", "/api/ledger/entries?start=0&end=4", null), "entries");
        assertThat(entries).hasSize(5);
        for (int i = 0; i < 5; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) entries.get(i);
            byte[] data = Base64.getDecoder().decode((String) e.get("data"));
            List<byte[]> proof = hashes(call("GET", "/api/ledger/proof/inclusion?index=" + i + "&size=5", null));
            assertThat(MerkleProofs.verifyInclusion(i, 5, MerkleHashing.leafHash(data), proof, root1)).isTrue();
        }
        call("POST", "/api/accounts/m1/topups", "{\"amount\":1000,\"requestId\":\"r9\"}");
        Map<String, Object> cp2 = call("GET", "/api/ledger/checkpoint", null).json();
        byte[] root2 = HexFormat.of().parseHex((String) cp2.get("root"));
        List<byte[]> consistency = hashes(call("GET", "/api/ledger/proof/consistency?first=5&second=6", null));
        assertThat(MerkleProofs.verifyConsistency(5, 6, root1, root2, consistency)).isTrue();
        assertThat(call("GET", "/api/ledger/proof/inclusion?index=6&size=6", null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/ledger/proof/consistency?first=1&second=99", null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/ledger/entries?start=x&end=1", null).status()).isEqualTo(400);
    }

    private static List<byte[]> hashes(Reply r) {
        assertThat(r.status()).isEqualTo(200);
        List<byte[]> out = new ArrayList<>();
        for (Object h : list(r, "hashes")) {
            out.add(HexFormat.of().parseHex((String) h));
        }
        return out;
    }

    @Test
    void tariffsAreDefinedValidatedAndAssignedAhead() {
        Reply bad = call("POST", "/api/tariffs", "{\"name\":\"tou\",\"bands\":[{\"start\":\"00:00\",\"price\":90000},"
                + "{\"start\":\"07:30\",\"price\":150000}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat((String) bad.json().get("error")).contains("bands[1].start");
        assertThat(list(call("GET", "/api/tariffs", null), "tariffs")).isEmpty();
        Reply t = call("POST", "/api/tariffs", "{\"name\":\"tou\",\"bands\":[{\"start\":\"00:00\",\"price\":90000},"
                + "{\"start\":\"07:00\",\"price\":150000}]}");
        assertThat(t.status()).isEqualTo(201);
        Reply a = call("POST", "/api/accounts/m1/tariff", "{\"tariff\":" + t.json().get("id") + ",\"from\":\"2030-01-01T00:00:00Z\"}");
        assertThat(a.status()).isEqualTo(201);
        assertThat(call("POST", "/api/accounts/m1/tariff", "{\"tariff\":99}").status()).isEqualTo(400);
        assertThat(call("GET", "/api/accounts/m1/tariff", null).body()).contains("2030-01-01T00:00:00Z");
        assertThat(call("GET", "/api/audit", null).body()).contains("tariff.define", "tariff.assign");
    }

    @Test
    void bookingTokenExpiresAtSlotEndPlusGrace() {
        long start = Instant.now().plusSeconds(3600).getEpochSecond() * 1000;
        long end = start + 1_800_000;
        Reply r = call("POST", "/api/bookings", "{\"station\":\"S1\",\"pump\":2,\"slotStart\":" + start + ",\"slotEnd\":" + end
                + ",\"kg\":7.5}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json()).containsEntry("grams", new BigDecimal(7500))
                .containsEntry("expiry", Instant.ofEpochMilli(end).plus(Duration.ofMinutes(15)).toString());
        assertThat((String) r.json().get("token")).startsWith("FL1:");
        Reply bad = call("POST", "/api/bookings", "{\"station\":\"S1\",\"slotStart\":" + end + ",\"slotEnd\":" + start
                + ",\"kg\":7.5}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat((String) bad.json().get("error")).contains("slotEnd");
        assertThat(list(call("GET", "/api/stations/S1/bookings", null), "bookings")).hasSize(1);
    }
}
