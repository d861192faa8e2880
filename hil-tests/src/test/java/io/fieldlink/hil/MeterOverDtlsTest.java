package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.firmware.hal.memory.MemoryActuators;
import io.fieldlink.firmware.hal.memory.MemoryLog;
import io.fieldlink.firmware.hal.memory.MemorySensors;
import io.fieldlink.firmware.hal.memory.MemorySerialConsole;
import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.jvm.crypto.BouncyCastleHalCrypto;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.jvm.net.DtlsTransport;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.meter.MeterApp;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.TrustedKeys;
import java.net.InetSocketAddress;
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
    private BoardLoopThread loop;
    private DtlsTransport transport;

    @AfterEach
    void stop() throws Exception {
        if (loop != null) {
            loop.close();
        }
        if (transport != null) {
            transport.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void helloAndTelemetryReachTheHostOverDtls() throws Exception {
        host = HostServer.builder().dataDir(dir.resolve("host")).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
        Device device = host.registry().provision("meter-1", BoardKind.METER, System.currentTimeMillis());

        SystemClock clock = new SystemClock();
        loop = new BoardLoopThread("meter-1", clock);
        transport = DtlsTransport.start(new InetSocketAddress("127.0.0.1", host.coapsPort()), "meter-1", device.psk(), loop);
        MemoryStorage storage = new MemoryStorage().addArea("journal", 64 * 1024).addArea("snapshot", 4096).addArea("settings", 4096);
        MemorySensors sensors = new MemorySensors();
        sensors.set("voltage", 2300).set("current", 21_700).set("power_factor", 1000).set("frequency", 5000)
                .set("active_power", 5000).set("energy", 0).set("tamper", 0);
        MeterApp app = new MeterApp(new TokenVerifier(BouncyCastleCrypto.INSTANCE, new TrustedKeys()), 1_000);
        Board board = Board.builder().definition(BoardLoader.builtIn("meter")).app(app).deviceId("meter-1")
                .clock(clock).storage(storage).transport(transport).console(new MemorySerialConsole())
                .sensors(sensors).actuators(new MemoryActuators().add("relay").add("buzzer"))
                .crypto(BouncyCastleHalCrypto.INSTANCE).log(new MemoryLog(256))
                .uplink(new CoapUplinkFactory(new IssuerKeys(), new UplinkOptions().reportIntervalMillis(1_000)))
                .samplePeriodMillis(200).build();
        loop.start(board.loop());
        loop.call(() -> {
            board.boot();
            return null;
        }).get();

        Await.until("the host saw the meter's hello", () -> host.registry().find("meter-1").map(d -> d.bootCount() >= 1).orElse(false));
        Await.until("telemetry from the meter is stored", () -> !storedReadings().isEmpty());
        assertThat(loop.call(() -> clock.wallTimeKnown()).get()).as("wall time set from the hello answer").isTrue();
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
