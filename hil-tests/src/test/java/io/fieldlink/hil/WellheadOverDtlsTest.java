package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.hal.DatagramReceiver;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.firmware.hal.memory.MemoryActuators;
import io.fieldlink.firmware.hal.memory.MemorySensors;
import io.fieldlink.firmware.hal.memory.MemorySerialConsole;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.firmware.wellhead.WellheadApp;
import io.fieldlink.firmware.wellhead.modbus.MemoryModbusSlave;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.StoredEvent;
import io.fieldlink.host.registry.BoardKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies the whole path for one wellhead: the real firmware core (wellhead app on an in-memory
 * Modbus slave, journal, CoAP uplink) on the JVM bindings (loop thread, system clock, Scandium
 * DTLS-PSK) against the real host on loopback. The host stores its report-by-exception readings,
 * and an alarm and a shut-in (latched and reset) that happened while the network was cut arrive after
 * it is restored, with the times they happened on the board.
 */
class WellheadOverDtlsTest {
    /** The board's wall clock comes from the host's hello answer: allow it to lag real time a little. */
    private static final long CLOCK_SLACK = 500;

    @TempDir
    Path dir;

    private HostServer host;
    private DtlsBoard<SystemClock> well;

    @AfterEach
    void stop() throws Exception {
        if (well != null) {
            well.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void readingsAndAnOfflineShutInReachTheHostWithTheirOriginalTimes() throws Exception {
        host = HostServer.builder().dataDir(dir.resolve("host")).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
        well = DtlsBoard.connect(host, "well-1", BoardKind.WELLHEAD, new SystemClock(), System.currentTimeMillis());
        CuttableTransport network = new CuttableTransport(well.transport);
        MemoryModbusSlave slave = new MemoryModbusSlave().addUnit(1);
        slave.set(RegisterKind.HOLDING, 1, 0, 5_000).set(RegisterKind.HOLDING, 1, 1, 3_000).set(RegisterKind.INPUT, 1, 2, 250)
                .set32(RegisterKind.INPUT, 1, 10, 1_000).set32(RegisterKind.INPUT, 1, 12, 100_000)
                .set32(RegisterKind.INPUT, 1, 14, 200);
        MemoryActuators actuators = new MemoryActuators().add("shutin_valve");
        MemorySerialConsole console = new MemorySerialConsole();
        well.boot(well.builder("wellhead", new WellheadApp(slave)).transport(network).console(console)
                .sensors(new MemorySensors()).actuators(actuators)
                .uplink(new CoapUplinkFactory(new IssuerKeys(), new UplinkOptions().reportIntervalMillis(1_000)
                        .backoffBaseMillis(300).backoffCapMillis(1_000))));

        Await.until("the host saw the wellhead's hello", () -> host.registry().find("well-1").map(d -> d.bootCount() >= 1).orElse(false));
        Await.until("tubing pressure readings are stored", () -> !readings("tubing_pressure").isEmpty());
        assertThat(readings("tubing_pressure")).allSatisfy(r -> assertThat(r.timeMillis()).isBetween(
                System.currentTimeMillis() - 120_000, System.currentTimeMillis() + 5_000));
        assertThat(readings("tubing_pressure").get(0).value()).isEqualTo(5_000.0);
        assertThat(events("shut-in")).isEmpty();

        network.cut(true);
        long rampStart = System.currentTimeMillis() - CLOCK_SLACK;
        onLoop(() -> slave.set(RegisterKind.HOLDING, 1, 0, 1_000)); // 1000 kPa, below PSL 1500 kPa
        Await.until("the valve closes", () -> onLoop(() -> actuators.get("shutin_valve")) == 0);
        long tripSeen = System.currentTimeMillis() + CLOCK_SLACK;
        onLoop(() -> slave.set(RegisterKind.HOLDING, 1, 0, 5_000));
        onLoop(() -> console.type("mode machine"));
        Await.until("the pressure is back in range on the board", () -> onLoop(() -> {
            console.type("well");
            return console.lastLine();
        }).startsWith("OK tubing_pressure=5000000 "));
        String reset = onLoop(() -> {
            console.type("login 4711");
            console.type("shutin reset");
            return console.lastLine();
        });
        assertThat(reset).isEqualTo("OK latched=0 valve=open");
        long resetDone = System.currentTimeMillis() + CLOCK_SLACK;
        assertThat(events("shut-in")).as("nothing arrives while the network is cut").isEmpty();

        network.cut(false);
        Await.until("the shut-in and its reset are backfilled", () -> events("shut-in").size() == 2);
        Await.until("the alarm is backfilled", () -> events("alarm").stream().anyMatch(e -> e.body().contains("\"LL\"")));

        List<StoredEvent> shutIns = events("shut-in");
        assertThat(shutIns.get(0).body()).contains("\"cause\":\"PSL\"").contains("\"state\":\"latched\"");
        assertThat(shutIns.get(0).timeMillis()).as("latched at its original time").isBetween(rampStart, tripSeen);
        assertThat(shutIns.get(1).body()).contains("\"state\":\"reset\"").contains("\"by\":\"console\"");
        assertThat(shutIns.get(1).timeMillis()).isBetween(tripSeen - 2 * CLOCK_SLACK, resetDone);
        assertThat(shutIns.get(0).seq()).isLessThan(shutIns.get(1).seq());
        assertThat(events("alarm")).filteredOn(e -> e.body().contains("\"LL\"") && e.body().contains("\"raised\":true"))
                .singleElement().satisfies(e -> assertThat(e.timeMillis()).isBetween(rampStart, tripSeen));
        assertThat(readings("tubing_pressure")).as("the offline low reading, at its original time")
                .anySatisfy(r -> {
                    assertThat(r.value()).isEqualTo(1_000.0);
                    assertThat(r.timeMillis()).isBetween(rampStart, tripSeen);
                });
    }

    private List<Reading> readings(String channel) {
        return host.series().readings("well-1", channel, 0, Long.MAX_VALUE, 1_000);
    }

    private List<StoredEvent> events(String type) {
        return host.series().events("well-1", 0, Long.MAX_VALUE, 1_000).stream().filter(e -> e.type().equals(type)).toList();
    }

    private <T> T onLoop(java.util.function.Supplier<T> work) {
        return well.call(work);
    }

    private void onLoop(Runnable work) {
        well.run(work);
    }

    /** The board's network with a switch that cuts it (datagrams both ways are dropped), as a pulled cable would. */
    static final class CuttableTransport implements DatagramTransport {
        private final DatagramTransport inner;
        private volatile boolean cut;

        CuttableTransport(DatagramTransport inner) {
            this.inner = inner;
        }

        void cut(boolean on) {
            cut = on;
        }

        @Override
        public void send(byte[] data, int offset, int length) {
            if (!cut) {
                inner.send(data, offset, length);
            }
        }

        @Override
        public void setReceiver(DatagramReceiver receiver) {
            inner.setReceiver(receiver == null ? null : (data, offset, length) -> {
                if (!cut) {
                    receiver.onDatagram(data, offset, length);
                }
            });
        }

        @Override
        public int maxDatagramSize() {
            return inner.maxDatagramSize();
        }
    }
}
