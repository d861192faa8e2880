package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.firmware.hal.memory.MemoryActuators;
import io.fieldlink.firmware.hal.memory.MemorySensors;
import io.fieldlink.firmware.hal.memory.MemorySerialConsole;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.pump.PumpApp;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.ingest.StoredEvent;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.token.TokenClaims;
import io.fieldlink.protocol.token.TokenText;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies the whole path for one CNG pump: the real firmware core (pump app, journal, CoAP uplink)
 * on the JVM bindings (loop thread, system clock, Scandium DTLS-PSK) against the real host on
 * loopback: a booking token scanned on the console, the fill that stops at the booked grams, and
 * the verdict, the sale and the station telemetry stored by the host.
 */
class PumpOverDtlsTest {
    private static final IssuerKeyPair ISSUER = IssuerKeyPair.fromSeed(seed(9));

    @TempDir
    Path dir;

    private HostServer host;
    private DtlsBoard<SystemClock> pump;

    @AfterEach
    void stop() throws Exception {
        if (pump != null) {
            pump.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aBookedFillsVerdictSaleAndStationTelemetryReachTheHostOverDtls() throws Exception {
        host = HostServer.builder().dataDir(dir.resolve("host")).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
        pump = DtlsBoard.connect(host, "pump-1", BoardKind.PUMP, new SystemClock(), System.currentTimeMillis())
                .settings(Map.of("config.station_code", "ST01", "config.report_interval", "1s",
                        "config.issuer_keys", Hex.encode(ISSUER.keyId()) + ":" + Hex.encode(ISSUER.publicKey())));
        MemorySensors sensors = new MemorySensors();
        sensors.set("flow_pulses", 0).set("dispensed_mass", 0).set("storage_pressure", 2_300).set("nozzle", 0);
        MemoryActuators actuators = new MemoryActuators().add("valve").add("buzzer");
        MemorySerialConsole console = new MemorySerialConsole();
        pump.boot(pump.builder("pump", new PumpApp()).console(console).sensors(sensors).actuators(actuators));
        Await.until("the board's wall time is set by the hello answer", () -> onLoop(pump.clock::wallTimeKnown));

        long nowS = System.currentTimeMillis() / 1000;
        String token = TokenText.encode(TokenClaims.booking("ST01", 42, 5_000, nowS - 60, nowS + 3_600, nowS + 7_200), ISSUER);
        String scanned = onLoop(() -> {
            console.type("mode machine");
            console.type("login 4711");
            console.type("scan " + token);
            return console.lastLine();
        });
        assertThat(scanned).isEqualTo("OK booking=42 grams=5000");
        onLoop(() -> sensors.set("nozzle", 1));
        Await.until("the valve opens", () -> onLoop(() -> actuators.get("valve")) == 1);
        long[] pulses = {0};
        while (onLoop(() -> actuators.get("valve")) == 1 && pulses[0] < 10_000) {
            pulses[0] += 500;
            onLoop(() -> sensors.set("flow_pulses", pulses[0]));
            Await.until("the board sampled the pulses", () -> onLoop(() -> {
                console.type("pump");
                return console.lastLine();
            }).contains("fill_grams=" + Math.min(pulses[0], 5_000) + " "));
        }
        onLoop(() -> sensors.set("nozzle", 0));

        Await.until("the sale is stored", () -> !events("sale").isEmpty());
        Await.until("the verdict is stored", () -> !events("token-redemption").isEmpty());
        Await.until("station telemetry is stored", () -> !host.series().readings("pump-1", "storage_pressure", 0, Long.MAX_VALUE, 10).isEmpty());
        assertThat(events("sale")).singleElement().satisfies(e -> assertThat(e.body()).contains("\"tokenId\":42")
                .contains("\"grams\":5000").contains("\"amount\":425000"));
        assertThat(events("token-redemption")).singleElement().satisfies(e -> assertThat(e.body())
                .contains("\"kind\":\"booking\"").contains("\"accepted\":true").contains("\"amount\":5000"));
        assertThat(host.series().readings("pump-1", "storage_pressure", 0, Long.MAX_VALUE, 10).get(0).value()).isEqualTo(230.0);
    }

    private List<StoredEvent> events(String type) {
        return host.series().events("pump-1", 0, Long.MAX_VALUE, 1_000).stream().filter(e -> e.type().equals(type)).toList();
    }

    private <T> T onLoop(Supplier<T> work) {
        return pump.call(work);
    }

    private void onLoop(Runnable work) {
        pump.run(work);
    }

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return s;
    }
}
