package io.fieldlink.host.web;

import static io.fieldlink.host.HostFixture.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostFixture.Reply;
import io.fieldlink.protocol.record.Hello;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.Test;

/** {@code POST /api/devices/batch} on a real host: all or nothing, one commit and one audit entry per request. */
class DeviceBatchApiTest extends RunningHostTest {

    private Reply batch(String key, String body) {
        return http(host.httpPort(), "POST", "/api/devices/batch", key, body);
    }

    private static String devices(String... idBoard) {
        StringBuilder b = new StringBuilder("{\"devices\":[");
        for (int i = 0; i < idBoard.length; i += 2) {
            b.append(i > 0 ? "," : "").append("{\"id\":\"").append(idBoard[i]).append("\",\"board\":\"")
                    .append(idBoard[i + 1]).append("\"}");
        }
        return b.append("]}").toString();
    }

    private static String meters(int from, int n) {
        String[] a = new String[2 * n];
        for (int i = 0; i < n; i++) {
            a[2 * i] = String.format("m-%05d", from + i);
            a[2 * i + 1] = "meter";
        }
        return devices(a);
    }

    private String key(String role) {
        Reply r = http(host.httpPort(), "POST", "/api/keys", op, "{\"role\":\"" + role + "\",\"label\":\"" + role + "\"}");
        assertThat(r.status()).isEqualTo(201);
        return (String) r.json().get("key");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> audit() {
        return (List<Map<String, Object>>) http(host.httpPort(), "GET", "/api/audit", op, null).json().get("entries");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> devicesOf(Reply r) {
        return (List<Map<String, Object>>) r.json().get("devices");
    }

    @Test
    void aTechnicianProvisionsABatchInOneAuditedWriteAndGetsEveryPskOnce() {
        String tech = key("technician");
        int auditBefore = audit().size();
        Reply r = batch(tech, devices("w-1", "wellhead", "m-1", "meter", "p-1", "pump"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(((Number) r.json().get("count")).intValue()).isEqualTo(3);
        List<Map<String, Object>> made = devicesOf(r);
        assertThat(made).extracting(m -> m.get("id")).containsExactly("w-1", "m-1", "p-1");
        assertThat(made).extracting(m -> m.get("board")).containsExactly("wellhead", "meter", "pump");
        Set<String> psks = new HashSet<>();
        for (Map<String, Object> m : made) {
            String psk = (String) m.get("psk");
            assertThat(psk).hasSize(32).matches("[0-9a-f]+");
            psks.add(psk);
            assertThat(HexFormat.of().formatHex(host.registry().find((String) m.get("id")).orElseThrow().psk())).isEqualTo(psk);
        }
        assertThat(psks).hasSize(3);
        assertThat(http(host.httpPort(), "GET", "/api/devices/m-1", tech, null).json()).doesNotContainKey("psk")
                .containsEntry("board", "meter");
        List<Map<String, Object>> audit = audit();
        assertThat(audit).hasSize(auditBefore + 1);
        assertThat(audit.get(audit.size() - 1)).containsEntry("action", "device.provision-batch")
                .containsEntry("role", "technician").containsEntry("target", "3 devices: m-1 .. w-1");
    }

    @Test
    void theSingleFormStillWorksAlongside() {
        Reply one = http(host.httpPort(), "POST", "/api/devices", op, "{\"id\":\"solo\",\"board\":\"pump\"}");
        assertThat(one.status()).isEqualTo(201);
        assertThat(one.json()).containsEntry("id", "solo").containsEntry("board", "pump").containsKey("psk");
        assertThat(batch(op, meters(1, 2)).status()).isEqualTo(201);
        assertThat(host.registry().size()).isEqualTo(3);
    }

    @Test
    void aBatchOfTheDocumentedMaximumIsOneRequest() {
        Reply r = batch(op, meters(1, DeviceApi.BATCH_MAX));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(devicesOf(r)).hasSize(DeviceApi.BATCH_MAX);
        assertThat(host.registry().size()).isEqualTo(DeviceApi.BATCH_MAX);
        assertThat(audit().get(audit().size() - 1)).containsEntry("target", "10000 devices: m-00001 .. m-10000");
    }

    @Test
    void everyRejectionNamesTheEntryAndStoresNothing() {
        assertThat(batch(op, devices("ok-1", "meter")).status()).isEqualTo(201);
        int auditBefore = audit().size();
        assertRejected(devices("ok-2", "meter", "bad id", "meter"), 400, "devices[1] (id 'bad id')", "character");
        assertRejected(devices("ok-2", "meter", "ok-3", "toaster"), 400, "devices[1] (id 'ok-3')", "board must be one of");
        assertRejected(devices("ok-2", "meter", "ok-3", "pump", "ok-2", "wellhead"), 400, "devices[2]",
                "'ok-2' appears twice", "devices[0]");
        assertRejected(devices("ok-2", "meter", "ok-1", "meter"), 409, "devices[1]", "'ok-1' is already provisioned");
        assertRejected("{\"devices\":[{\"id\":\"ok-2\",\"board\":\"meter\"},{\"id\":\"ok-3\"}]}", 400, "devices[1]",
                "missing field \"board\"");
        assertRejected("{\"devices\":[{\"id\":\"ok-2\",\"board\":\"meter\",\"psk\":\"00\"}]}", 400, "devices[0]",
                "unknown field \"psk\"");
        assertRejected("{\"devices\":[\"ok-2\"]}", 400, "devices[0]", "must be an object");
        assertRejected("{\"devices\":[{\"id\":5,\"board\":\"meter\"}]}", 400, "devices[0]", "must be a string");
        assertRejected("{\"devices\":[]}", 400, "1 to 10000 entries; got 0");
        assertRejected(meters(1, DeviceApi.BATCH_MAX + 1), 400, "1 to 10000 entries; got 10001");
        assertRejected("{\"devices\":{}}", 400, "must be an array");
        assertRejected("{}", 400, "missing field \"devices\"");
        assertRejected("{\"devices\":[],\"x\":1}", 400, "unknown field \"x\"");
        assertRejected("[{\"id\":\"ok-2\",\"board\":\"meter\"}]", 400, "JSON object");
        assertRejected("{\"devices\":[", 400, "offset");
        assertThat(host.registry().size()).isEqualTo(1);
        assertThat(audit()).hasSize(auditBefore);
    }

    private void assertRejected(String body, int status, String... messageParts) {
        Reply r = batch(op, body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat((String) r.json().get("error")).contains(messageParts);
    }

    @Test
    void aBodyOverTheRoutesLimitIs413AndTheGeneralLimitDoesNotApply() throws Exception {
        // 2,000 entries (~70 KB) are over the general 64 KiB limit (http.max-body): this route has its own
        Reply big = batch(op, meters(1, 2_000));
        assertThat(big.status()).as(big.body()).isEqualTo(201);
        // over the route's limit: refused on the Content-Length alone, before the body is read (the
        // server then closes the connection, so the client sends only the head)
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", host.httpPort())) {
            s.setSoTimeout(10_000);
            String head = "POST /api/devices/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + op
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (DeviceApi.BATCH_MAX_BODY + 1) + "\r\n\r\n";
            s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than " + DeviceApi.BATCH_MAX_BODY);
        }
        assertThat(host.registry().size()).isEqualTo(2_000);
    }

    @Test
    void aViewerMayNotProvisionABatch() {
        Reply r = batch(key("viewer"), meters(1, 3));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error")).asString().contains("technician");
        assertThat(batch(null, meters(1, 3)).status()).isEqualTo(401);
        assertThat(host.registry().size()).isZero();
    }

    @Test
    void aBatchIsThereAfterARestartAndItsPskOpensADtlsSession() throws Exception {
        Reply r = batch(op, meters(1, 500));
        assertThat(r.status()).isEqualTo(201);
        Map<String, Object> last = devicesOf(r).get(499);
        byte[] psk = HexFormat.of().parseHex((String) last.get("psk"));
        host.close();
        host = HostFixture.start(dir);
        assertThat(host.registry().size()).isEqualTo(500);
        assertThat(host.registry().find("m-00500").orElseThrow().psk()).isEqualTo(psk);
        CoapEndpoint ep = HostFixture.dtlsEndpoint("m-00500", psk);
        try {
            CoapClient c = HostFixture.client("coaps://127.0.0.1:" + host.coapsPort() + "/hello", ep, Duration.ofSeconds(10));
            CoapResponse hello = c.post(new Hello("meter", "m-00500", "1.0.0", 1).encode(), 60);
            assertThat(hello).isNotNull();
            assertThat(hello.getCode()).isEqualTo(ResponseCode.CHANGED);
        } finally {
            ep.destroy();
        }
        assertThat(host.registry().find("m-00500").orElseThrow().bootCount()).isEqualTo(1);
    }
}
