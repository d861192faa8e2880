package io.fieldlink.host.web;

import static io.fieldlink.host.HostFixture.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostFixture.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP API of a real host on loopback: authentication, roles, validation, audit. */
class HttpApiTest extends RunningHostTest {

    private Reply call(String method, String path, String key, String body) {
        return http(host.httpPort(), method, path, key, body);
    }

    private String key(String role) {
        Reply r = call("POST", "/api/keys", op, "{\"role\":\"" + role + "\",\"label\":\"" + role + " one\"}");
        assertThat(r.status()).isEqualTo(201);
        return (String) r.json().get("key");
    }

    @Test
    void firstStartCreatesOperatorKeyFileReadableOnlyByOwner() throws Exception {
        assertThat(host.operatorKeyCreated()).isTrue();
        Path f = dir.resolve("operator.key");
        assertThat(java.nio.file.Files.readString(f).trim()).isEqualTo(op);
        assertThat(java.nio.file.Files.getPosixFilePermissions(f))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void missingOrUnknownKeyGets401() {
        assertThat(call("GET", "/api/devices", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/api/devices", "flk_nope", null).status()).isEqualTo(401);
        assertThat(http(host.httpPort(), "GET", "/metrics", null, null).status()).isEqualTo(401);
    }

    @Test
    void healthIsOpen() {
        assertThat(call("GET", "/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        assertThat(call("GET", "/api/nothing", op, null).status()).isEqualTo(404);
        Reply r = call("DELETE", "/api/devices", op, null);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.json().get("error")).asString().contains("DELETE");
    }

    @Test
    void viewerReadsButCannotProvision() {
        String viewer = key("viewer");
        assertThat(call("GET", "/api/devices", viewer, null).status()).isEqualTo(200);
        Reply r = call("POST", "/api/devices", viewer, "{\"id\":\"m1\",\"board\":\"meter\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(host.registry().find("m1")).isEmpty();
    }

    @Test
    void technicianProvisionsButCannotCreateKeys() {
        String tech = key("technician");
        assertThat(call("POST", "/api/devices", tech, "{\"id\":\"m1\",\"board\":\"meter\"}").status()).isEqualTo(201);
        assertThat(call("POST", "/api/keys", tech, "{\"role\":\"operator\"}").status()).isEqualTo(403);
        assertThat(call("GET", "/api/audit", tech, null).status()).isEqualTo(403);
    }

    @Test
    void provisionReturnsPskOnceAndListShowsDevice() {
        Reply r = call("POST", "/api/devices", op, "{\"id\":\"pump-7\",\"board\":\"pump\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat((String) r.json().get("psk")).hasSize(32).matches("[0-9a-f]+");
        Reply one = call("GET", "/api/devices/pump-7", op, null);
        assertThat(one.json()).containsEntry("board", "pump").containsEntry("status", "offline").doesNotContainKey("psk");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) call("GET", "/api/devices", op, null).json().get("devices");
        assertThat(list).extracting(m -> m.get("id")).containsExactly("pump-7");
        assertThat(call("GET", "/api/devices/nope", op, null).status()).isEqualTo(404);
    }

    @Test
    void badBodiesGet400WithSpecificMessage() {
        assertThat(error(call("POST", "/api/devices", op, "{\"id\":\"m1\""))).contains("offset");
        assertThat(error(call("POST", "/api/devices", op, "{\"board\":\"meter\"}"))).contains("missing field \"id\"");
        assertThat(error(call("POST", "/api/devices", op, "{\"id\":\"bad id\",\"board\":\"meter\"}"))).contains("character");
        assertThat(error(call("POST", "/api/devices", op, "{\"id\":\"m1\",\"board\":\"toaster\"}"))).contains("board must be");
        assertThat(error(call("POST", "/api/devices", op, "{\"id\":\"m1\",\"board\":\"meter\",\"x\":1}"))).contains("unknown field");
        assertThat(error(call("POST", "/api/devices", op, "{\"id\":7,\"board\":\"meter\"}"))).contains("must be a string");
        assertThat(error(call("POST", "/api/devices", op, "[]"))).contains("JSON object");
        assertThat(error(call("POST", "/api/keys", op, "{\"role\":\"king\"}"))).contains("role must be");
        assertThat(host.registry().size()).isZero();
    }

    @Test
    void duplicateProvisionIs409() {
        call("POST", "/api/devices", op, "{\"id\":\"m1\",\"board\":\"meter\"}");
        assertThat(call("POST", "/api/devices", op, "{\"id\":\"m1\",\"board\":\"meter\"}").status()).isEqualTo(409);
    }

    @Test
    void changesAreAuditedWithWhoWhatWhen() {
        String tech = key("technician");
        call("POST", "/api/devices", tech, "{\"id\":\"m9\",\"board\":\"meter\"}");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) call("GET", "/api/audit", op, null).json().get("entries");
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("key.create", "key.create", "device.provision");
        Map<String, Object> last = entries.get(2);
        assertThat(last).containsEntry("role", "technician").containsEntry("target", "m9").containsKey("at");
    }

    @Test
    void seriesValidatesParameters() {
        call("POST", "/api/devices", op, "{\"id\":\"m1\",\"board\":\"meter\"}");
        assertThat(error(call("GET", "/api/devices/m1/series", op, null))).contains("channel");
        assertThat(error(call("GET", "/api/devices/m1/series?channel=v&step=5m", op, null))).contains("step must be");
        assertThat(error(call("GET", "/api/devices/m1/series?channel=v&from=yesterday", op, null))).contains("from");
        assertThat(call("GET", "/api/devices/m1/series?channel=v&format=csv", op, null).body()).startsWith("time,value");
    }

    @Test
    void metricsArePrometheusText() {
        Reply r = call("GET", "/metrics", op, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("# TYPE fieldlink_uplinks_total counter").contains("fieldlink_ingest_queue_depth 0")
                .contains("fieldlink_storage_bytes");
    }

    private static String error(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return (String) r.json().get("error");
    }
}
