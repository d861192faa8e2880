package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.hal.memory.MemoryActuators;
import io.fieldlink.firmware.hal.memory.MemorySensors;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.meter.MeterApp;
import io.fieldlink.firmware.pump.PumpApp;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.firmware.wellhead.WellheadApp;
import io.fieldlink.firmware.wellhead.modbus.MemoryModbusSlave;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.json.JsonReader;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.TrustedKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel contract (docs/protocol.md, "Channels") end to end: the real meter, pump and wellhead
 * apps on the in-memory HAL and the JVM bindings (loop threads, Scandium DTLS-PSK) against one real
 * in-process host, on a shared virtual clock that the test moves through a whole gas day in 5 s
 * steps (the host's clock moves with it, so the hello answer gives the boards virtual wall time).
 * Then, through the host's HTTP API only: the wellhead's daily oil/gas/water are in the production
 * books, the meter's energy and charges are in its account and statement, the fleet view shows each
 * kind's key reading, the meter runway finds the balance, and the pump-leak detector, reading the
 * pump's periodic {@code storage_pressure}, raises an alert for a pressure fall with no sales.
 */
class ChannelContractTest {
    private static final long HOUR = 3_600_000L;
    private static final long STEP = 5_000L;
    /** Virtual start: two minutes before the 06:00 UTC gas-day boundary. */
    private static final long START = Instant.parse("2026-03-02T05:58:00Z").toEpochMilli();
    private static final long DAY_D = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private final VirtualTime time = new VirtualTime(START);
    private final List<AutoCloseable> closers = new ArrayList<>();
    private HostServer host;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        for (int i = closers.size() - 1; i >= 0; i--) {
            closers.get(i).close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void everyChannelTheBoardsSendIsReadByTheHostsConsumers() throws Exception {
        host = HostServer.builder().dataDir(dir.resolve("host")).bindAddress("127.0.0.1").httpPort(0).coapsPort(0)
                .clock(time.hostClock()).build().start();
        IssuerKeyPair issuer = host.billing().keyring().active().pair();

        // meter: 1 kW load all day; hourly pack
        MemorySensors meterSensors = new MemorySensors();
        meterSensors.set("voltage", 2300).set("current", 4348).set("power_factor", 1000).set("frequency", 5000)
                .set("active_power", 1_000).set("energy", 0).set("tamper", 0);
        MeterApp meterApp = new MeterApp(new TokenVerifier(BouncyCastleCrypto.INSTANCE,
                new TrustedKeys().add(issuer.keyId(), issuer.publicKey())), HOUR);
        // its hourly packs wait for the report (push_readings off): every minute here, not the board file's 15
        DtlsBoard<StepClock> meter = rig("meter-1", BoardKind.METER, "meter", meterApp, meterSensors,
                new MemoryActuators().add("relay").add("buzzer"), Map.of("config.report_interval", "1m"));

        // pump: station telemetry every 10 minutes
        MemorySensors pumpSensors = new MemorySensors();
        pumpSensors.set("flow_pulses", 0).set("dispensed_mass", 0).set("storage_pressure", 2_300).set("nozzle", 0);
        DtlsBoard<StepClock> pump = rig("pump-1", BoardKind.PUMP, "pump", new PumpApp(), pumpSensors,
                new MemoryActuators().add("valve").add("buzzer"),
                Map.of("config.station_code", "ST01", "config.report_interval", "10m",
                        "config.issuer_keys", Hex.encode(issuer.keyId()) + ":" + Hex.encode(issuer.publicKey())));

        // wellhead: tubing 5000 kPa, oil 1000 L/h, gas 1000 m3/h, water 200 L/h
        MemoryModbusSlave slave = new MemoryModbusSlave().addUnit(1);
        slave.set(RegisterKind.HOLDING, 1, 0, 5_000).set(RegisterKind.HOLDING, 1, 1, 3_000).set(RegisterKind.INPUT, 1, 2, 250)
                .set32(RegisterKind.INPUT, 1, 10, 1_000).set32(RegisterKind.INPUT, 1, 12, 100_000)
                .set32(RegisterKind.INPUT, 1, 14, 200);
        DtlsBoard<StepClock> well = rig("well-1", BoardKind.WELLHEAD, "wellhead", new WellheadApp(slave), new MemorySensors(),
                new MemoryActuators().add("shutin_valve"), Map.of());

        for (DtlsBoard<StepClock> r : List.of(meter, pump, well)) {
            await(r.id + " has the host's (virtual) wall time", () -> r.call(r.clock::wallTimeKnown));
        }
        await("the meter's engine runs", () -> meter.call(() -> meterApp.meter() != null));
        HttpResponse<String> topup = post("/api/accounts/meter-1/topups", "{\"amount\":250000,\"requestId\":\"contract-1\"}");
        assertThat(topup.statusCode()).as(topup.body()).isEqualTo(201);
        String token = topup.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(meter.call(() -> meterApp.meter().redeem(token, meter.clock.wallMillis()).isOk())).isTrue();

        // through the 06:00 boundary, a whole gas day, and past the next boundary
        long end = Instant.parse("2026-03-03T06:02:00Z").toEpochMilli();
        long leakFrom = DAY_D + 10 * HOUR;
        long leakTo = DAY_D + 14 * HOUR;
        while (time.now() < end) {
            time.advance(STEP);
            long now = time.now();
            if (now > leakFrom && now <= leakTo) { // storage falls 230 → 210 bar with no sale: a leak
                long raw = 2_300 - 200 * (now - leakFrom) / (leakTo - leakFrom);
                pump.run(() -> pumpSensors.set("storage_pressure", raw));
            }
            for (DtlsBoard<StepClock> r : List.of(meter, pump, well)) {
                r.run(() -> r.board().loop().runDue());
            }
        }

        // production: the full gas day (2026-03-02 06:00 → 03-03 06:00) on 2026-03-02
        await("the closed gas day's totals are stored", () -> readings("well-1", "daily_oil").size() >= 2);
        Reading dailyOil = readings("well-1", "daily_oil").get(1);
        assertThat(dailyOil.timeMillis()).isEqualTo(Instant.parse("2026-03-03T06:00:00Z").toEpochMilli());
        Map<String, Object> production = getObject("/api/production/wells/well-1?from=2026-03-01T00:00:00Z&to=2026-03-04T00:00:00Z");
        Map<String, Object> day = days(production).stream().filter(d -> "2026-03-02".equals(d.get("day"))).findFirst()
                .orElseThrow(() -> new AssertionError("no 2026-03-02 in " + production));
        assertThat(num(day, "oil")).isEqualTo((long) dailyOil.value()).isBetween(23_900L, 24_000L);
        assertThat(num(day, "gas")).isEqualTo((long) readings("well-1", "daily_gas").get(1).value()).isGreaterThan(0);
        assertThat(num(day, "water")).isEqualTo((long) readings("well-1", "daily_water").get(1).value()).isBetween(4_780L, 4_800L);
        assertThat(days(production)).as("the first, partial gas day (2 minutes) is on 2026-03-01")
                .anySatisfy(d -> assertThat(d.get("day")).isEqualTo("2026-03-01"));

        // the meter's account: energy (1 kW for a day) and charges from its own packs
        // the pack goes up with the meter's next report: keep its clock and loop going until the host has it
        await("the meter's last pack is in the account", () -> {
            time.advance(STEP);
            meter.run(() -> meter.board().loop().runDue());
            return num(getObject("/api/accounts/meter-1"), "energyWh") >= 23_900;
        });
        Map<String, Object> account = getObject("/api/accounts/meter-1");
        assertThat(num(account, "charged")).as(account.toString()).isGreaterThan(0);
        List<Reading> balances = readings("meter-1", "balance");
        long lastBalance = (long) balances.get(balances.size() - 1).value();
        assertThat(num(account, "balance")).as("the account mirrors the meter's last balance pack").isEqualTo(lastBalance);
        Map<String, Object> statement = getObject("/api/accounts/meter-1/statement?from=2026-03-01T00:00:00Z&to=2026-03-04T00:00:00Z");
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) statement.get("totals");
        assertThat(num(totals, "energyWh")).as(statement.toString()).isGreaterThanOrEqualTo(23_900);
        assertThat(num(totals, "charged")).as(statement.toString()).isGreaterThan(0);
        assertThat(readings("meter-1", "active_power")).as("the meter uplinks its mean active power")
                .isNotEmpty().allSatisfy(r -> assertThat(r.value()).isEqualTo(1_000.0));

        // the fleet page's key reading per kind
        Map<String, Object> fleet = getObject("/api/fleet");
        assertThat(keyReading(fleet, "meter-1")).containsExactly("balance", (double) lastBalance);
        List<Reading> pressures = readings("pump-1", "storage_pressure");
        double lastPressure = pressures.get(pressures.size() - 1).value();
        assertThat(lastPressure).as("bar, after the fall").isBetween(210.0, 211.0);
        assertThat(keyReading(fleet, "pump-1")).containsExactly("storage_pressure", lastPressure);
        assertThat(keyReading(fleet, "well-1")).containsExactly("tubing_pressure", 5_000.0);

        // predictions: the runway finds the meter's balance; the pump-leak detector read storage_pressure
        Map<String, Object> runway = getObject("/api/meters/meter-1/runway");
        assertThat(num(runway, "balanceMilli")).isEqualTo(num(account, "balance"));
        await("the pump-leak alert is raised", () -> get("/api/alerts?device=pump-1").body().contains("pump-leak"));
        Map<String, Object> anomalies = getObject("/api/devices/pump-1/channels/storage_pressure/anomalies");
        assertThat(anomalies.get("channel")).isEqualTo("storage_pressure");
    }

    private DtlsBoard<StepClock> rig(String id, BoardKind kind, String board, BoardApp app, MemorySensors sensors,
            MemoryActuators actuators, Map<String, String> settings) {
        DtlsBoard<StepClock> rig = DtlsBoard.connect(host, id, kind, new StepClock(time), time.now()).settings(settings);
        closers.add(rig);
        rig.boot(rig.builder(board, app).sensors(sensors).actuators(actuators)
                .uplink(new CoapUplinkFactory(new IssuerKeys(), new UplinkOptions().reportIntervalMillis(60_000)
                        .backoffBaseMillis(300).backoffCapMillis(1_000)))
                .samplePeriodMillis(1_000));
        return rig;
    }

    private List<Reading> readings(String device, String channel) {
        return host.series().readings(device, channel, 0, Long.MAX_VALUE, 10_000);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> days(Map<String, Object> production) {
        return (List<Map<String, Object>>) (List<?>) production.get("days");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> keyReading(Map<String, Object> fleet, String id) {
        List<Object> columns = (List<Object>) fleet.get("columns");
        for (Object row : (List<Object>) fleet.get("devices")) {
            List<Object> cells = (List<Object>) row;
            if (id.equals(cells.get(columns.indexOf("id")))) {
                Object v = cells.get(columns.indexOf("keyValue"));
                return List.of(cells.get(columns.indexOf("keyChannel")), v instanceof Number n ? n.doubleValue() : v);
            }
        }
        throw new AssertionError(id + " is not in the fleet view: " + fleet);
    }

    private static long num(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (!(v instanceof Number n)) {
            throw new AssertionError("no number " + name + " in " + m);
        }
        return n.longValue();
    }

    private Map<String, Object> getObject(String path) {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JsonReader.parseObject(r.body());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + host.operatorKey()).GET().build());
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + host.operatorKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + host.httpPort() + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Await.pause();
        }
    }

    /** Real elapsed time plus a jump the test moves forward; shared by the host and every board. */
    static final class VirtualTime {
        private final long originNanos = System.nanoTime();
        private final long startMillis;
        private volatile long jumpMillis;

        VirtualTime(long startMillis) {
            this.startMillis = startMillis;
        }

        long monotonic() {
            return (System.nanoTime() - originNanos) / 1_000_000L + jumpMillis;
        }

        long now() {
            return startMillis + monotonic();
        }

        synchronized void advance(long millis) {
            jumpMillis += millis;
        }

        java.time.Clock hostClock() {
            return new java.time.Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public java.time.Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return Instant.ofEpochMilli(now());
                }
            };
        }
    }

    /** A board clock on the virtual time: monotonic from it, wall time set by the host's hello answer. */
    static final class StepClock implements Clock {
        private final VirtualTime time;
        private volatile long wallOffset;
        private volatile boolean known;

        StepClock(VirtualTime time) {
            this.time = time;
        }

        @Override
        public long monotonicMillis() {
            return time.monotonic();
        }

        @Override
        public boolean wallTimeKnown() {
            return known;
        }

        @Override
        public long wallMillis() {
            return time.monotonic() + wallOffset;
        }

        @Override
        public void setWallMillis(long epochMillis) {
            wallOffset = epochMillis - time.monotonic();
            known = true;
        }
    }
}
