package io.fieldlink.host.web;

import static io.fieldlink.host.HostFixture.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostFixture.Reply;
import io.fieldlink.host.json.JsonReader;
import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.AlarmLevel;
import io.fieldlink.protocol.record.ShutIn;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's routes on a real host: files from the jar, the fleet summary, latest values, the live socket. */
class DashboardApiTest extends RunningHostTest {
    PlainBoards boards;
    final long now = System.currentTimeMillis();

    @BeforeEach
    void startBoards() {
        boards = new PlainBoards(host);
    }

    @AfterEach
    void stopBoards() {
        boards.close();
    }

    private Reply get(String path) {
        return http(host.httpPort(), "GET", path, op, null);
    }

    @Test
    void dashboardFilesAreServedFromTheJarWithoutAKeyAndWithTheirTypes() throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        HttpResponse<String> index = c.send(HttpRequest.newBuilder(URI.create(base() + "/ui/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(index.body()).contains("/ui/vendor/uPlot.iife.min.js").contains("sign-in-form");
        assertThat(index.headers().firstValue("content-security-policy")).hasValueSatisfying(
                p -> assertThat(p).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        HttpResponse<String> uplot = c.send(HttpRequest.newBuilder(URI.create(base() + "/ui/vendor/uPlot.iife.min.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
        assertThat(uplot.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(uplot.headers().firstValue("cache-control")).hasValue("public, max-age=86400");
        HttpResponse<byte[]> zipped = c.send(HttpRequest.newBuilder(URI.create(base() + "/api/fleet"))
                .header("Authorization", "Bearer " + op).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("content-encoding")).as("JSON is gzipped when accepted").hasValue("gzip");
        HttpResponse<String> root = c.send(HttpRequest.newBuilder(URI.create(base() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("location")).hasValue("/ui/");
    }

    @Test
    void onlyPlainFileNamesOfKnownTypesAreServed() {
        assertThat(http(host.httpPort(), "GET", "/ui/app.js", null, null).status()).isEqualTo(200);
        assertThat(http(host.httpPort(), "GET", "/ui/nope.js", null, null).status()).isEqualTo(404);
        assertThat(http(host.httpPort(), "GET", "/ui/..%2Foperator.key", null, null).status()).isEqualTo(404);
        assertThat(http(host.httpPort(), "GET", "/ui/tinylog.properties", null, null).status()).isEqualTo(404);
        assertThat(http(host.httpPort(), "GET", "/ui/.hidden.js", null, null).status()).isEqualTo(404);
    }

    @Test
    void fleetSummaryHasEveryDeviceWithStateKeyReadingAndCounts() {
        HostFixture.provision(host, "m1", "meter");
        HostFixture.provision(host, "w1", "wellhead");
        HostFixture.provision(host, "p1", "pump");
        boards.readings("m1", now, "balance", 12_345, "voltage", 231.5);
        boards.readings("w1", now, "tubing_pressure", 9_500);
        boards.events("w1", now, ShutIn.latched(ShutIn.CAUSE_PSH, 9_850));
        Reply r = get("/api/fleet");
        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> body = r.json();
        assertThat(body.get("columns")).isEqualTo(List.of("id", "board", "state", "lastSeen", "keyChannel", "keyValue", "alarms"));
        @SuppressWarnings("unchecked")
        List<List<Object>> devices = (List<List<Object>>) body.get("devices");
        assertThat(devices).extracting(d -> d.get(0)).containsExactly("m1", "p1", "w1");
        assertThat(devices.get(0).subList(1, 3)).containsExactly("meter", "online");
        assertThat(devices.get(0).get(4)).isEqualTo("balance");
        assertThat(((BigDecimal) devices.get(0).get(5)).intValue()).isEqualTo(12_345);
        assertThat(devices.get(1).subList(1, 3)).containsExactly("pump", "offline");
        assertThat(devices.get(1).get(3)).isEqualTo(JsonReader.NULL);
        assertThat(devices.get(2).subList(1, 3)).containsExactly("wellhead", "alarm");
        assertThat(devices.get(2).get(4)).isEqualTo("tubing_pressure");
        assertThat(body.get("counts")).isEqualTo(Map.of("total", new BigDecimal(3), "online", new BigDecimal(1),
                "offline", new BigDecimal(1), "alarm", new BigDecimal(1)));
    }

    @Test
    void latestShowsEachChannelOnceAtItsNewestValueAndTheActiveAlarms() {
        HostFixture.provision(host, "w1", "wellhead");
        boards.readings("w1", now, "tubing_pressure", 9_500, "oil_flow", 12);
        boards.readings("w1", now - 60_000, "tubing_pressure", 7_000);
        boards.events("w1", now, new Alarm("tubing_pressure", AlarmLevel.HIGH_HIGH, 9_500, true),
                new Alarm("casing_pressure", AlarmLevel.HIGH, 900, true));
        boards.events("w1", now + 1, new Alarm("casing_pressure", AlarmLevel.HIGH, 800, false));
        Map<String, Object> latest = get("/api/devices/w1/latest").json();
        assertThat(latest).containsEntry("board", "wellhead").containsEntry("state", "alarm");
        assertThat(latest.get("alarms")).isEqualTo(List.of("alarm tubing_pressure HH"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> channels = (List<Map<String, Object>>) latest.get("channels");
        assertThat(channels).extracting(c -> c.get("name")).containsExactly("oil_flow", "tubing_pressure");
        assertThat(((BigDecimal) channels.get(1).get("v")).intValue()).isEqualTo(9_500);
        assertThat(get("/api/devices/nobody/latest").status()).isEqualTo(404);
        assertThat(http(host.httpPort(), "GET", "/api/devices/w1/latest", null, null).status()).isEqualTo(401);
    }

    @Test
    void fleetViewSurvivesARestart() {
        HostFixture.provision(host, "m1", "meter");
        boards.readings("m1", now, "balance", 4_000);
        boards.close();
        host.close();
        host = HostFixture.start(dir);
        boards = new PlainBoards(host);
        Map<String, Object> latest = http(host.httpPort(), "GET", "/api/devices/m1/latest", host.operatorKey(), null).json();
        assertThat(latest.get("channels").toString()).contains("balance").contains("4000");
    }

    @Test
    void liveSocketSignsInWithItsFirstMessageAndPushesStoredReadingsOfWatchedDevices() throws Exception {
        HostFixture.provision(host, "m1", "meter");
        HostFixture.provision(host, "m2", "meter");
        Messages m = new Messages();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + host.httpPort() + "/api/live"), m).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"auth\",\"key\":\"" + op + "\"}", true);
        assertThat(m.next()).containsEntry("type", "ready").containsEntry("role", "operator");
        ws.sendText("{\"type\":\"watch\",\"devices\":[\"m1\"]}", true);
        // The watch is applied on the socket's thread: keep sending until a push arrives.
        long deadline = System.currentTimeMillis() + 10_000;
        Map<String, Object> push = null;
        for (int i = 0; push == null && System.currentTimeMillis() < deadline; i++) {
            boards.readings("m2", now + i, "voltage", 1);
            boards.readings("m1", now + i, "voltage", 230 + i);
            push = m.poll(200);
        }
        assertThat(push).as("a pushed uplink").isNotNull().containsEntry("type", "uplink").containsEntry("device", "m1");
        assertThat(push.get("readings").toString()).contains("voltage");
        for (Map<String, Object> more = m.poll(300); more != null; more = m.poll(300)) {
            assertThat(more).containsEntry("device", "m1");
        }
        ws.abort();
    }

    @Test
    void liveSocketWithAWrongKeyIsToldAndClosed() throws Exception {
        Messages m = new Messages();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + host.httpPort() + "/api/live"), m).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"auth\",\"key\":\"flk_wrong\"}", true);
        assertThat(m.next()).containsEntry("type", "error").containsEntry("error", "unknown API key");
        assertThat(m.closed.poll(10, TimeUnit.SECONDS)).isEqualTo(1008);
    }

    @Test
    void liveSocketRefusesAnythingBeforeSigningIn() throws Exception {
        Messages m = new Messages();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + host.httpPort() + "/api/live"), m).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"watch\",\"devices\":[\"m1\"]}", true);
        assertThat((String) m.next().get("error")).contains("first message must be");
        assertThat(m.closed.poll(10, TimeUnit.SECONDS)).isEqualTo(1008);
    }

    @Test
    void upgradeOnAnotherPathIs404() {
        HttpClient c = HttpClient.newHttpClient();
        assertThat(c.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + host.httpPort() + "/api/devices"),
                new Messages()).handle((ok, e) -> e).join()).isNotNull().hasStackTraceContaining("status code 404");
    }

    private String base() {
        return "http://127.0.0.1:" + host.httpPort();
    }

    /** Collects text messages and the close code. */
    static final class Messages implements WebSocket.Listener {
        final BlockingQueue<Map<String, Object>> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
        private final StringBuilder part = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                texts.add(JsonReader.parseObject(part.toString()));
                part.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closed.add(code);
            return null;
        }

        Map<String, Object> next() throws InterruptedException {
            Map<String, Object> m = texts.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message within 10 s").isNotNull();
            return m;
        }

        Map<String, Object> poll(long millis) throws InterruptedException {
            return texts.poll(millis, TimeUnit.MILLISECONDS);
        }
    }
}
