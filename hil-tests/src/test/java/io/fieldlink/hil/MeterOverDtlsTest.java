package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.firmware.hal.memory.MemoryActuators;
import io.fieldlink.firmware.hal.memory.MemorySensors;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.meter.MeterApp;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.TrustedKeys;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies the whole path for one meter: the real firmware core (meter app, journal, CoAP uplink) on
 * the JVM bindings (loop thread, system clock, Scandium DTLS-PSK) against the real host on loopback.
 */
class MeterOverDtlsTest {
    @TempDir
    Path dir;

    private HostServer host;
    private DtlsBoard<SystemClock> meter;

    @AfterEach
    void stop() throws Exception {
        if (meter != null) {
            meter.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void helloAndTelemetryReachTheHostOverDtls() throws Exception {
        host = HostServer.builder().dataDir(dir.resolve("host")).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
        meter = DtlsBoard.connect(host, "meter-1", BoardKind.METER, new SystemClock(), System.currentTimeMillis());
        MemorySensors sensors = new MemorySensors();
        sensors.set("voltage", 2300).set("current", 21_700).set("power_factor", 1000).set("frequency", 5000)
                .set("active_power", 5000).set("energy", 0).set("tamper", 0);
        MeterApp app = new MeterApp(new TokenVerifier(BouncyCastleCrypto.INSTANCE, new TrustedKeys()), 1_000);
        meter.boot(meter.builder("meter", app).sensors(sensors).actuators(new MemoryActuators().add("relay").add("buzzer")));

        Await.until("the host saw the meter's hello", () -> host.registry().find("meter-1").map(d -> d.bootCount() >= 1).orElse(false));
        Await.until("telemetry from the meter is stored", () -> !storedReadings().isEmpty());
        assertThat(meter.call(meter.clock::wallTimeKnown)).as("wall time set from the hello answer").isTrue();
        assertThat(storedReadings()).allSatisfy(r -> assertThat(r.timeMillis()).isBetween(
                System.currentTimeMillis() - 120_000, System.currentTimeMillis() + 5_000));
    }

    private List<Reading> storedReadings() {
        List<Reading> all = new java.util.ArrayList<>();
        for (String channel : List.of("balance", "energy", "voltage", "active_power", "power")) {
            all.addAll(host.series().readings("meter-1", channel, 0, Long.MAX_VALUE, 100));
        }
        return all;
    }
}
