package io.fieldlink.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostFixture.Reply;
import io.fieldlink.host.HostServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real host on loopback: boards' readings arrive as SenML over plain CoAP, predictions and
 * alerts are read and changed over the HTTP API.
 */
class PredictionApiTest {
    static final long DAY_S = 86_400;
    static final long END_S = 1_767_225_600L + 30 * DAY_S;
    @TempDir
    Path dir;
    HostServer host;
    CoapEndpoint endpoint;

    @BeforeEach
    void start() {
        host = HostServer.builder().dataDir(dir).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).insecureCoap(0)
                .clock(Clock.fixed(Instant.ofEpochSecond(END_S), ZoneOffset.UTC)).build().start();
        endpoint = HostFixture.plainEndpoint();
    }

    @AfterEach
    void stop() {
        endpoint.destroy();
        host.close();
    }

    void post(String device, List<String> records) {
        CoapClient c = HostFixture.client("coap://127.0.0.1:" + host.coapPort() + "/telemetry?d=" + device, endpoint,
                Duration.ofSeconds(10));
        for (int i = 0; i < records.size(); i += 10) {
            String pack = "[" + String.join(",", records.subList(i, Math.min(records.size(), i + 10))) + "]";
            try {
                assertThat(c.post(pack.getBytes(StandardCharsets.UTF_8), 110).getCode()).isEqualTo(ResponseCode.CHANGED);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        c.shutdown();
    }

    static String rec(String name, long tSeconds, double v) {
        return "{\"n\":\"" + name + "\",\"t\":" + tSeconds + ",\"v\":" + v + "}";
    }

    Reply get(String path) {
        return HostFixture.http(host.httpPort(), "GET", path, host.operatorKey(), null);
    }

    /** 21 days of hourly energy (500 Wh/h) and a balance that lasts 2.5 more days at the flat tariff. */
    void meterHistory(String id) {
        HostFixture.provision(host, id, "meter");
        List<String> r = new ArrayList<>();
        double energy = 0;
        for (long h = 21 * 24; h >= 1; h--) {
            long t = END_S - h * 3600;
            energy += 500;
            r.add(rec("energy", t, energy));
        }
        r.add(rec("balance", END_S - 60, 3_000));
        post(id, r);
    }

    @Test
    void meterRunwayAndForecast() {
        meterHistory("m1");
        Reply runway = get("/api/meters/m1/runway?days=7&tariff=00:00-24:00=100");
        assertThat(runway.status()).as(runway.body()).isEqualTo(200);
        Map<String, Object> j = runway.json();
        assertThat(j.get("dailyRateMilli")).isEqualTo(new BigDecimal(1_200));
        assertThat(j.get("hoursLeft")).isEqualTo(new BigDecimal(60));
        assertThat(j.get("reminderDays")).isEqualTo(new BigDecimal(3));

        Reply f = get("/api/meters/m1/forecast?hours=24&weeks=3&coverage=0.8");
        assertThat(f.status()).as(f.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) f.json().get("points");
        assertThat(points).hasSize(24);
        assertThat(((BigDecimal) points.get(0).get("mean")).doubleValue()).isBetween(450.0, 550.0);
        assertThat(points.get(0).get("t")).isEqualTo(Instant.ofEpochSecond(END_S).toString());
    }

    @Test
    void predictionParametersAreChecked() {
        meterHistory("m2");
        assertThat(get("/api/meters/m2/runway?days=0").status()).isEqualTo(400);
        assertThat(get("/api/meters/m2/runway?tariff=00:00-12:00=5").body()).contains("hour 12 uncovered");
        assertThat(get("/api/meters/m2/forecast?coverage=0.5").status()).isEqualTo(400);
        HostFixture.provision(host, "m9", "meter");
        assertThat(get("/api/meters/m9/forecast").body()).contains("has 0 hours of energy");
        assertThat(get("/api/meters/m9/runway").status()).isEqualTo(404);
        assertThat(get("/api/meters/nobody/runway").status()).isEqualTo(404);
        assertThat(get("/api/stations/STN1/forecast").body()).contains("pumps is required");
        Reply w = get("/api/wells/m2/decline");
        assertThat(w.status()).as(w.body()).isEqualTo(409);
    }

    @Test
    void stationForecastSuggestsSlots() {
        HostFixture.provision(host, "p1", "pump");
        HostFixture.provision(host, "p2", "pump");
        Reply r = get("/api/stations/STN1/forecast?pumps=p1,p2&hours=48&fillGrams=8000&fillsPerPumpHour=5");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("capacityPerHour")).isEqualTo(new BigDecimal(10));
        assertThat((List<?>) r.json().get("slots")).hasSize(48);
    }

    @Test
    void wellDeclineFromDailyFlow() {
        HostFixture.provision(host, "w1", "wellhead");
        Random rnd = new Random(5);
        List<String> r = new ArrayList<>();
        for (int d = 400; d >= 1; d--) {
            double day = 400 - d;
            double litresPerHour = 400 / Math.pow(1 + 0.5 * 0.004 * day, 1 / 0.5) * Math.exp(0.03 * rnd.nextGaussian());
            r.add(rec("oil_flow", END_S - d * DAY_S + 3600, litresPerHour));
        }
        post("w1", r);
        Reply f = get("/api/wells/w1/decline?horizonDays=360&stepDays=90&economicLimit=100&samples=40");
        assertThat(f.status()).as(f.body()).isEqualTo(200);
        Map<String, Object> j = f.json();
        assertThat(j.get("days")).isEqualTo(new BigDecimal(400));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fits = (List<Map<String, Object>>) j.get("fits");
        Map<String, Object> hyp = fits.stream().filter(x -> x.get("model").equals("hyperbolic")).findFirst().orElseThrow();
        assertThat(((BigDecimal) hyp.get("qi")).doubleValue()).isBetween(400 * 24 * 0.95, 400 * 24 * 1.05);
        assertThat(((BigDecimal) hyp.get("b")).doubleValue()).isBetween(0.4, 0.6);
        @SuppressWarnings("unchecked")
        Map<String, Object> eur = (Map<String, Object>) j.get("eur");
        assertThat(((BigDecimal) eur.get("p90")).doubleValue()).isLessThanOrEqualTo(((BigDecimal) eur.get("p10")).doubleValue());
        assertThat((List<?>) j.get("forecast")).hasSize(4);
    }

    @Test
    void wellDeclineFromTheWellheadsDailyTotals() {
        HostFixture.provision(host, "w2", "wellhead");
        Random rnd = new Random(6);
        List<String> r = new ArrayList<>();
        for (int d = 400; d >= 1; d--) {
            double day = 400 - d;
            double litresPerDay = 9600 / Math.pow(1 + 0.5 * 0.004 * day, 1 / 0.5) * Math.exp(0.03 * rnd.nextGaussian());
            r.add(rec("daily_oil", END_S - d * DAY_S + 6 * 3600, Math.round(litresPerDay))); // at the gas day's end, 06:00
        }
        post("w2", r);
        Reply f = get("/api/wells/w2/decline?channel=daily_oil&horizonDays=360&stepDays=90&economicLimit=100&samples=40");
        assertThat(f.status()).as(f.body()).isEqualTo(200);
        Map<String, Object> j = f.json();
        assertThat(j.get("unit")).isEqualTo("per day (the daily totals)");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fits = (List<Map<String, Object>>) j.get("fits");
        Map<String, Object> hyp = fits.stream().filter(x -> x.get("model").equals("hyperbolic")).findFirst().orElseThrow();
        assertThat(((BigDecimal) hyp.get("qi")).doubleValue()).as("litres per day, not × 24").isBetween(9600 * 0.95, 9600 * 1.05);
    }

    @Test
    void channelAnomalyScanFindsASpike() {
        HostFixture.provision(host, "m3", "meter");
        Random rnd = new Random(9);
        List<String> r = new ArrayList<>();
        for (int i = 300; i >= 1; i--) {
            r.add(rec("voltage", END_S - i * 300, i == 50 ? 300 : 230 + 2 * rnd.nextGaussian()));
        }
        post("m3", r);
        Reply a = get("/api/devices/m3/channels/voltage/anomalies?from=" + (END_S - 300 * 300) * 1000 + "&to=" + END_S * 1000);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) a.json().get("anomalies");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("t")).isEqualTo(Instant.ofEpochSecond(END_S - 50 * 300).toString());
    }

    @Test
    void alertsAreListedAcknowledgedAndConfigured() {
        meterHistory("m4");
        Reply s = HostFixture.http(host.httpPort(), "PUT", "/api/alerts/settings", host.operatorKey(),
                "{\"reminderDays\":[7,3,1],\"tariff\":\"00:00-24:00=100\"}");
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        host.foresight().checkDevices();
        Reply list = get("/api/alerts?state=open");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) list.json().get("alerts");
        Map<String, Object> low = alerts.stream().filter(a -> a.get("kind").equals("low-runway")).findFirst().orElseThrow();
        assertThat(low.get("key")).isEqualTo("low-runway/m4/3d");
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) low.get("evidence");
        assertThat(evidence.get("hoursLeft")).isEqualTo("60");
        String id = low.get("id").toString();
        Reply ack = HostFixture.http(host.httpPort(), "POST", "/api/alerts/" + id + "/acknowledge", host.operatorKey(), null);
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("state")).isEqualTo("acknowledged");
        assertThat(HostFixture.http(host.httpPort(), "POST", "/api/alerts/" + id + "/acknowledge", host.operatorKey(), null)
                .status()).isEqualTo(409);
        assertThat(HostFixture.http(host.httpPort(), "POST", "/api/alerts/999/acknowledge", host.operatorKey(), null)
                .status()).isEqualTo(404);
        assertThat(get("/api/alerts?state=bogus").status()).isEqualTo(400);

        Reply hook = HostFixture.http(host.httpPort(), "POST", "/api/alerts/webhooks", host.operatorKey(),
                "{\"url\":\"http://127.0.0.1:9/hook\"}");
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        assertThat(HostFixture.http(host.httpPort(), "POST", "/api/alerts/webhooks", host.operatorKey(),
                "{\"url\":\"ftp://x\"}").status()).isEqualTo(400);
        assertThat(get("/api/alerts/webhooks").body()).contains("http://127.0.0.1:9/hook");
        assertThat(HostFixture.http(host.httpPort(), "DELETE", "/api/alerts/webhooks/" + hook.json().get("id"),
                host.operatorKey(), null).status()).isEqualTo(200);
        assertThat(HostFixture.http(host.httpPort(), "PUT", "/api/alerts/settings", host.operatorKey(),
                "{\"reminderDays\":[0]}").status()).isEqualTo(400);
        assertThat(HostFixture.http(host.httpPort(), "PUT", "/api/alerts/settings", host.operatorKey(),
                "{\"thresholds\":[{\"name\":\"x\",\"channel\":\"voltage\",\"above\":\"yes\",\"limit\":1}]}").body())
                .contains("thresholds[0].above");
    }

    /** Verifies the live path: stored uplink → listener queue → threshold rule → alert → webhook POST. */
    @Test
    void liveReadingsRaiseAlertsAndNotifyWebhooks() throws Exception {
        java.util.List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer hookServer = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        hookServer.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        hookServer.start();
        try {
            HostFixture.provision(host, "p7", "pump");
            assertThat(HostFixture.http(host.httpPort(), "POST", "/api/alerts/webhooks", host.operatorKey(),
                    "{\"url\":\"http://127.0.0.1:" + hookServer.getAddress().getPort() + "/hook\"}").status()).isEqualTo(201);
            assertThat(HostFixture.http(host.httpPort(), "PUT", "/api/alerts/settings", host.operatorKey(),
                    "{\"thresholds\":[{\"name\":\"storage-low\",\"channel\":\"storage_pressure\",\"above\":false,"
                            + "\"limit\":150,\"holdSeconds\":600}]}").status()).isEqualTo(200);
            post("p7", List.of(rec("storage_pressure", END_S - 1200, 140), rec("storage_pressure", END_S - 600, 139),
                    rec("storage_pressure", END_S - 1, 138)));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (bodies.isEmpty() && System.nanoTime() < deadline) {
                host.foresight().evaluateNow();
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L); // poll, do not spin: two shared cores
            }
            assertThat(bodies).isNotEmpty();
            assertThat(bodies.get(0)).contains("\"event\":\"alert.open\"").contains("threshold/p7/storage-low");
            Reply list = get("/api/alerts?device=p7");
            assertThat(list.body()).contains("\"kind\":\"threshold\"").contains("\"heldSeconds\":\"1199\"");
        } finally {
            hookServer.stop(0);
        }
    }

    /** Verifies that alerts, their acknowledgement, webhooks and settings are there after the host restarts. */
    @Test
    void alertsSurviveAHostRestart() {
        meterHistory("m5");
        HostFixture.http(host.httpPort(), "PUT", "/api/alerts/settings", host.operatorKey(),
                "{\"reminderDays\":[5],\"tariff\":\"00:00-24:00=100\"}");
        HostFixture.http(host.httpPort(), "POST", "/api/alerts/webhooks", host.operatorKey(), "{\"url\":\"http://127.0.0.1:9/x\"}");
        host.foresight().checkDevices();
        List<io.fieldlink.host.alert.Alert> raised = host.foresight().alerts().list(null, "m5", 10);
        assertThat(raised).hasSize(1);
        long id = raised.get(0).id();
        HostFixture.http(host.httpPort(), "POST", "/api/alerts/" + id + "/acknowledge", host.operatorKey(), null);
        host.close();
        host = HostServer.builder().dataDir(dir).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).insecureCoap(0)
                .clock(Clock.fixed(Instant.ofEpochSecond(END_S), ZoneOffset.UTC)).build().start();
        Reply a = get("/api/alerts/" + id);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("state")).isEqualTo("acknowledged");
        assertThat(a.json().get("key")).isEqualTo("low-runway/m5/5d");
        assertThat(get("/api/alerts/settings").json().get("reminderDays")).isEqualTo(List.of(new BigDecimal(5)));
        assertThat(get("/api/alerts/webhooks").body()).contains("http://127.0.0.1:9/x");
    }

    long defineTariff(String bands) {
        Reply t = HostFixture.http(host.httpPort(), "POST", "/api/tariffs", host.operatorKey(), "{\"bands\":" + bands + "}");
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        return ((BigDecimal) t.json().get("id")).longValueExact();
    }

    void assign(String meter, long tariff) {
        Reply a = HostFixture.http(host.httpPort(), "POST", "/api/accounts/" + meter + "/tariff", host.operatorKey(),
                "{\"tariff\":" + tariff + ",\"from\":\"" + Instant.ofEpochSecond(END_S - 30 * DAY_S) + "\"}");
        assertThat(a.status()).as(a.body()).isIn(200, 201);
    }

    /**
     * Verifies that the runway (API default and the scheduled low-runway rule) prices each meter at the
     * tariff billing assigned to it, and a meter with none at the alert settings' tariff.
     */
    @Test
    void eachMeterRunsOutAtItsAssignedTariff() {
        meterHistory("m6");
        meterHistory("m7");
        meterHistory("m8");
        assign("m6", defineTariff("[{\"start\":\"00:00\",\"price\":100}]"));
        assign("m7", defineTariff("[{\"start\":\"00:00\",\"price\":300},{\"start\":\"12:00\",\"price\":300}]"));
        assertThat(HostFixture.http(host.httpPort(), "PUT", "/api/alerts/settings", host.operatorKey(),
                "{\"reminderDays\":[7,3,1],\"tariff\":\"00:00-24:00=50\"}").status()).isEqualTo(200);

        Map<String, Object> m6 = get("/api/meters/m6/runway?days=7").json();
        Map<String, Object> m7 = get("/api/meters/m7/runway?days=7").json();
        Map<String, Object> m8 = get("/api/meters/m8/runway?days=7").json();
        assertThat(m6.get("tariffSource")).isEqualTo("assigned");
        assertThat(m6.get("tariff")).isEqualTo("00:00-24:00=100");
        assertThat(m6.get("dailyRateMilli")).isEqualTo(new BigDecimal(1_200));
        assertThat(m6.get("hoursLeft")).isEqualTo(new BigDecimal(60));
        assertThat(m7.get("tariffSource")).isEqualTo("assigned");
        assertThat(m7.get("dailyRateMilli")).isEqualTo(new BigDecimal(3_600));
        assertThat(m7.get("hoursLeft")).isEqualTo(new BigDecimal(20));
        assertThat(m8.get("tariffSource")).isEqualTo("settings");
        assertThat(m8.get("dailyRateMilli")).isEqualTo(new BigDecimal(600));
        assertThat(m8.get("hoursLeft")).isEqualTo(new BigDecimal(120));
        assertThat(get("/api/meters/m7/runway?days=7&tariff=00:00-24:00=100").json().get("hoursLeft"))
                .isEqualTo(new BigDecimal(60));

        host.foresight().checkRunways();
        assertThat(host.foresight().alerts().list(null, "m6", 10)).extracting(io.fieldlink.host.alert.Alert::key)
                .containsExactly("low-runway/m6/3d");
        assertThat(host.foresight().alerts().list(null, "m7", 10)).extracting(io.fieldlink.host.alert.Alert::key)
                .containsExactly("low-runway/m7/1d");
        assertThat(host.foresight().alerts().list(null, "m8", 10)).extracting(io.fieldlink.host.alert.Alert::key)
                .containsExactly("low-runway/m8/7d");
    }
}
