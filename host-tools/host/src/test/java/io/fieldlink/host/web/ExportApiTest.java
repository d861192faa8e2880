package io.fieldlink.host.web;

import static io.fieldlink.host.HostFixture.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostFixture.Reply;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.json.JsonReader;
import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.AlarmLevel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/export/devices/{id}} on a real host fed over plain CoAP: every stored reading and
 * event comes back exactly once across pages, pages never split an instant, viewers may read, bad
 * parameters get specific 400s.
 */
class ExportApiTest {
    private static final long T0 = 1_790_000_000_000L;

    @TempDir
    Path dir;
    HostServer host;
    PlainBoards boards;
    String op;

    @BeforeEach
    void start() {
        host = HostServer.builder().dataDir(dir).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).insecureCoap(0)
                .build().start();
        op = host.operatorKey();
        HostFixture.provision(host, "w1", "wellhead");
        boards = new PlainBoards(host);
        for (int i = 0; i < 10; i++) {
            boards.readings("w1", T0 + i * 60_000L, "tubing_pressure", 100 + i, "casing_pressure", 50 + i);
        }
        boards.events("w1", T0 + 3 * 60_000L, new Alarm("tubing_pressure", AlarmLevel.HIGH, 103, true));
        boards.events("w1", T0 + 7 * 60_000L, new Alarm("tubing_pressure", AlarmLevel.HIGH, 107, false));
    }

    @AfterEach
    void stop() {
        boards.close();
        host.close();
    }

    private Reply get(String query, String key) {
        return http(host.httpPort(), "GET", "/api/export/devices/w1?" + query, key, null);
    }

    @Test
    void onePageHoldsEveryReadingAndEventOfTheSpan() {
        Reply r = get("channels=tubing_pressure,casing_pressure&from=" + T0 + "&to=" + (T0 + 86_400_000L), op);
        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> page = r.json();
        assertThat(page.get("next")).as("no next page").isSameAs(JsonReader.NULL);
        @SuppressWarnings("unchecked")
        Map<String, List<List<BigDecimal>>> readings = (Map<String, List<List<BigDecimal>>>) page.get("readings");
        assertThat(readings.get("tubing_pressure")).hasSize(10);
        assertThat(readings.get("tubing_pressure").get(4).get(0)).isEqualTo(BigDecimal.valueOf(T0 + 4 * 60_000L));
        assertThat(readings.get("tubing_pressure").get(4).get(1).doubleValue()).isEqualTo(104.0);
        assertThat(readings.get("casing_pressure")).hasSize(10);
        @SuppressWarnings("unchecked")
        List<List<Object>> events = (List<List<Object>>) page.get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get(0)).isEqualTo(BigDecimal.valueOf(T0 + 3 * 60_000L));
        assertThat(events.get(0).get(2)).isEqualTo("alarm");
        assertThat((String) events.get(0).get(3)).contains("tubing_pressure");
    }

    @Test
    void pagesCoverEverythingOnceAndNeverSplitAnInstant() {
        List<String> rows = new ArrayList<>();
        long from = T0;
        int pages = 0;
        while (true) {
            Reply r = get("channels=tubing_pressure,casing_pressure&limit=5&from=" + from + "&to=" + (T0 + 86_400_000L), op);
            assertThat(r.status()).isEqualTo(200);
            Map<String, Object> page = r.json();
            pages++;
            int n = 0;
            @SuppressWarnings("unchecked")
            Map<String, List<List<BigDecimal>>> readings = (Map<String, List<List<BigDecimal>>>) page.get("readings");
            for (Map.Entry<String, List<List<BigDecimal>>> c : readings.entrySet()) {
                for (List<BigDecimal> p : c.getValue()) {
                    rows.add(c.getKey() + "@" + p.get(0));
                    n++;
                }
            }
            @SuppressWarnings("unchecked")
            List<List<Object>> events = (List<List<Object>>) page.get("events");
            for (List<Object> e : events) {
                rows.add("event@" + e.get(0));
                n++;
            }
            assertThat(n).as("page size").isBetween(1, 5);
            Object next = page.get("next");
            if (next == JsonReader.NULL) {
                break;
            }
            from = ((BigDecimal) next).longValueExact();
        }
        assertThat(rows).hasSize(22).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThan(4);
    }

    @Test
    void viewersMayExportAndBadParametersGetSpecificErrors() {
        Reply k = http(host.httpPort(), "POST", "/api/keys", op, "{\"role\":\"viewer\",\"label\":\"v\"}");
        String viewer = (String) k.json().get("key");
        assertThat(get("channels=tubing_pressure&from=" + T0, viewer).status()).isEqualTo(200);
        assertThat(get("channels=tubing_pressure", null).status()).isEqualTo(401);
        assertThat(error(get("limit=0", op))).contains("limit must be between");
        assertThat(error(get("channels=a,,b", op))).contains("not a channel name");
        assertThat(error(get("from=10&to=5", op))).contains("from must be before to");
        assertThat(error(get("events=maybe", op))).contains("events must be true or false");
        assertThat(error(get("from=yesterday", op))).contains("from");
        assertThat(http(host.httpPort(), "GET", "/api/export/devices/nope", op, null).status()).isEqualTo(404);
        // all instants at one time beyond the limit cannot be paged without splitting them
        assertThat(error(get("channels=tubing_pressure,casing_pressure&limit=1&from=" + T0, op))).contains("raise limit");
    }

    private static String error(Reply r) {
        assertThat(r.status()).isEqualTo(400);
        return (String) r.json().get("error");
    }
}
