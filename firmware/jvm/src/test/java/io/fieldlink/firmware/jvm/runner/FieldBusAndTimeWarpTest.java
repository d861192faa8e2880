package io.fieldlink.firmware.jvm.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.jvm.gpio.PinMap;
import io.fieldlink.firmware.jvm.modbus.ModbusLink;
import io.fieldlink.firmware.jvm.testing.ConsoleClient;
import io.fieldlink.firmware.jvm.testing.PtyPair;
import io.fieldlink.firmware.jvm.update.FileFirmwareSlots;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verifies two things the HIL pty rig relies on in a board process: a pump whose flow meter, nozzle and
 * storage pressure are on the field bus (the board file's Modbus points, a real j2mod slave over TCP),
 * and the {@code --time-warp} control that makes the board's clock jump (refused on an installed board).
 */
class FieldBusAndTimeWarpTest extends RunnerRigTest {
    private String awaitReply(String line, String... parts) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String reply = null;
        while (reply == null || !List.of(parts).stream().allMatch(reply::contains)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("'" + line + "' never answered " + List.of(parts) + "; last: " + reply);
            }
            console.clear();
            console.send(line);
            try {
                reply = console.next(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return reply;
    }

    private static RunnerSettings meter(Path data, String console, int timeWarp) {
        return new RunnerSettings(BoardLoader.builtIn("meter"), data, null, "m-1", null, console, 115_200, null, 500,
                PinMap.none(), PinMap.none(), Map.of(), Map.of(), List.of(), 60_000, timeWarp);
    }

    @Test
    void aPumpReadsItsFlowMeterNozzleAndStoragePressureFromTheFieldBusUnlessGivenABenchValue() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SimpleProcessImage image = new SimpleProcessImage(1);
        for (int i = 0; i < 8; i++) {
            image.addRegister(new SimpleRegister(0));
            image.addInputRegister(new SimpleInputRegister(0));
        }
        ((SimpleInputRegister) image.getInputRegister(0)).setValue(1); // flow totaliser, high word
        ((SimpleInputRegister) image.getInputRegister(1)).setValue(2); // low word: 65,538
        ((SimpleInputRegister) image.getInputRegister(2)).setValue(9); // dispensed_mass: the bench value wins
        ((SimpleInputRegister) image.getInputRegister(4)).setValue(2_300); // 230.0 bar
        ((SimpleInputRegister) image.getInputRegister(5)).setValue(1); // nozzle lifted
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        slave.addProcessImage(1, image);
        slave.open();
        pty = PtyPair.open(dir);
        RunnerSettings pump = new RunnerSettings(BoardLoader.builtIn("pump"), dir.resolve("data"), null, "p-1", null,
                pty.a.toString(), 115_200, ModbusLink.parse("tcp:127.0.0.1:" + port), 300, PinMap.none(), PinMap.none(),
                Map.of("dispensed_mass", 7L), Map.of(), List.of(), 60_000);
        runner = BoardRunner.start(pump);
        console = ConsoleClient.open(pty.b.toString());

        awaitReply("mode machine", "OK mode=machine");
        awaitReply("sensors", "flow_pulses=65538.000", "dispensed_mass=7.000", "storage_pressure=230.000", "nozzle=1.000");

        ((SimpleInputRegister) image.getInputRegister(4)).setValue(2_410);
        ((SimpleInputRegister) image.getInputRegister(5)).setValue(0);
        awaitReply("sensors", "storage_pressure=241.000", "nozzle=0.000");

        ModbusSlaveFactory.close(slave);
        slave = null;
        String faulty = awaitReply("sensors", "flow_pulses=fault", "storage_pressure=fault", "nozzle=fault");
        assertThat(faulty).as("a bench value does not depend on the bus").contains("dispensed_mass=7.000");
    }

    @Test
    void fieldBusWithNoChannelLeftForItIsRefused() throws Exception {
        pty = PtyPair.open(dir);
        RunnerSettings pump = new RunnerSettings(BoardLoader.builtIn("pump"), dir.resolve("data"), null, "p-1", null,
                pty.a.toString(), 115_200, ModbusLink.parse("tcp:127.0.0.1:1"), 300, PinMap.none(), PinMap.none(),
                Map.of("flow_pulses", 0L, "dispensed_mass", 0L, "storage_pressure", 2_300L, "nozzle", 0L), Map.of(), List.of(),
                60_000);
        assertThatThrownBy(() -> BoardRunner.start(pump)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--modbus").hasMessageContaining("no channel left on the field bus");
    }

    @Test
    void theTimeWarpMakesTheBoardsClockJumpAndRefusesBadLines() throws Exception {
        pty = PtyPair.open(dir);
        runner = BoardRunner.start(meter(dir.resolve("data"), pty.a.toString(), 0));
        assertThat(runner.timeWarpPort()).isPositive();
        long monoBefore = runner.clock().monotonicMillis();
        long wallBefore = runner.clock().wallMillis();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), runner.timeWarpPort())) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII);
            for (String bad : List.of("rewind 5", "advance", "advance -1", "advance soon", "advance 999999999999")) {
                out.write(bad + "\n");
                out.flush();
                assertThat(in.readLine()).as("answer to '" + bad + "'").startsWith("ERR ");
            }
            assertThat(runner.clock().advancedMillis()).as("a refused line changes nothing").isZero();

            out.write("advance 3600000\n");
            out.flush();
            assertThat(in.readLine()).startsWith("OK advanced=3600000 total=3600000 ran=");
            out.write("advance 60000\n");
            out.flush();
            assertThat(in.readLine()).startsWith("OK advanced=60000 total=3660000 ");
        }
        assertThat(runner.clock().monotonicMillis() - monoBefore).isGreaterThanOrEqualTo(3_660_000);
        assertThat(runner.clock().wallMillis() - wallBefore).as("wall time jumps with it").isGreaterThanOrEqualTo(3_660_000);

        console = ConsoleClient.open(pty.b.toString());
        awaitReply("mode machine", "OK mode=machine");
        awaitReply("status", "OK board=meter device=m-1 ");
    }

    @Test
    void withoutTheOptionThereIsNoTimeWarp() throws Exception {
        pty = PtyPair.open(dir);
        runner = BoardRunner.start(meter(dir.resolve("data"), pty.a.toString(), -1));
        assertThat(runner.timeWarpPort()).isEqualTo(-1);
    }

    @Test
    void theTimeWarpIsRefusedOnAnInstalledBoard() throws Exception {
        Path data = dir.resolve("data");
        FileFirmwareSlots.install(data.resolve(BoardRunner.FIRMWARE_DIR), "1.0.0", Files.write(dir.resolve("f.jar"), new byte[64]));
        pty = PtyPair.open(dir);
        assertThatThrownBy(() -> BoardRunner.start(meter(data, pty.a.toString(), 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--time-warp").hasMessageContaining("firmware slots");
    }
}
