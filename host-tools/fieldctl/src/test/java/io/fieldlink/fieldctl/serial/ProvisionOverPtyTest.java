package io.fieldlink.fieldctl.serial;

import io.fieldlink.firmware.jvm.testing.PtyPair;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.fieldctl.ExitCodes;
import io.fieldlink.fieldctl.Main;
import io.fieldlink.firmware.hal.memory.MemoryActuators;
import io.fieldlink.firmware.hal.memory.MemoryCrypto;
import io.fieldlink.firmware.hal.memory.MemoryLog;
import io.fieldlink.firmware.hal.memory.MemoryNetwork;
import io.fieldlink.firmware.hal.memory.MemorySensors;
import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.jvm.console.SerialPortConsole;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.kernel.Readings;
import io.fieldlink.firmware.provision.Provisioning;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.registry.Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fieldctl provision} against a real host and a real board: the firmware core's shell on the
 * JVM serial console binding, at the far end of a socat pty pair.
 */
class ProvisionOverPtyTest {
    @TempDir
    Path dir;

    private HostServer host;
    private PtyPair pty;
    private BoardLoopThread loop;
    private SerialPortConsole console;
    private Board board;

    @BeforeEach
    void start() throws Exception {
        host = HostServer.builder().dataDir(dir.resolve("host")).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
        pty = PtyPair.open(dir);
        SystemClock clock = new SystemClock();
        loop = new BoardLoopThread("board", clock);
        console = SerialPortConsole.open(pty.b.toString(), 115200, loop);
        MemorySensors sensors = new MemorySensors();
        sensors.set("voltage", 2300).set("current", 0).set("power_factor", 1000).set("frequency", 5000)
                .set("active_power", 0).set("energy", 0).set("tamper", 0);
        MemoryStorage storage = new MemoryStorage().addArea("journal", 16 * 1024).addArea("snapshot", 4096).addArea("settings", 4096);
        board = Board.builder().definition(BoardLoader.builtIn("meter")).app(new BoardApp() {
            @Override
            public void boot(BoardContext context) {
            }

            @Override
            public void sampleTick(BoardContext context, Readings readings) {
            }

            @Override
            public void shutdown(BoardContext context) {
            }
        }).deviceId("unprovisioned").clock(clock).storage(storage).transport(new MemoryNetwork(clock, 1152))
                .console(console).sensors(sensors).actuators(new MemoryActuators().add("relay").add("buzzer"))
                .crypto(new MemoryCrypto()).log(new MemoryLog(64)).samplePeriodMillis(60_000).build();
        loop.start(board.loop());
        loop.call(() -> {
            board.boot();
            return null;
        }).join();
    }

    @AfterEach
    void stop() throws Exception {
        loop.close();
        console.close();
        pty.close();
        host.close();
    }

    record Result(int code, String out, String err) {
    }

    Result fieldctl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    Result provision(String id, String boardKind, String pin) throws Exception {
        Path key = dir.resolve("operator.key");
        Files.writeString(key, host.operatorKey() + "\n");
        return fieldctl("provision", "--port", pty.a.toString(), "--api", "http://127.0.0.1:" + host.httpPort(),
                "--key-file", key.toString(), "--id", id, "--board", boardKind, "--pin", pin,
                "--host", "coaps://127.0.0.1:" + host.coapsPort());
    }

    @Test
    void theBoardGetsItsIdPskHostAndIssuerKeysAndTheHostKnowsIt() throws Exception {
        Result r = provision("meter-9", "meter", "4711");

        assertThat(r.code).as(r.out + r.err).isEqualTo(ExitCodes.OK);
        assertThat(r.out).contains("OK provisioned meter-9 (meter)");
        Device device = host.registry().find("meter-9").orElseThrow();
        Provisioning p = loop.call(() -> Provisioning.read(board.context().settings())).join();
        assertThat(p).isNotNull();
        assertThat(p.deviceId()).isEqualTo("meter-9");
        assertThat(p.psk()).isEqualTo(device.psk());
        assertThat(p.host()).isEqualTo("coaps://127.0.0.1:" + host.coapsPort());
        assertThat(p.issuerKeys().size()).isEqualTo(1);
        Result show = fieldctl("exec", "--port", pty.a.toString(), "provision show");
        assertThat(show.out).contains("provisioned=yes").contains("id=meter-9").contains("psk=set")
                .doesNotContain(java.util.HexFormat.of().formatHex(device.psk()));
    }

    @Test
    void aWrongPinOrBoardKindChangesNothingAnywhere() throws Exception {
        Result wrongKind = provision("pump-1", "pump", "4711");
        assertThat(wrongKind.code).isEqualTo(ExitCodes.REFUSED);
        assertThat(wrongKind.err).contains("is a meter, not a pump");
        Result wrongPin = provision("meter-9", "meter", "0000");
        assertThat(wrongPin.code).isEqualTo(ExitCodes.REFUSED);
        assertThat(wrongPin.err).contains("refused the login");
        assertThat(host.registry().all()).isEmpty();
        assertThat(loop.call(() -> Provisioning.read(board.context().settings())).join()).isNull();
    }

    @Test
    void anIdTheHostAlreadyHasIsRefusedBeforeTheBoardIsTouched() throws Exception {
        host.registry().provision("meter-9", io.fieldlink.host.registry.BoardKind.METER, System.currentTimeMillis());
        Result r = provision("meter-9", "meter", "4711");
        assertThat(r.code).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err).contains("the host refused to register meter-9").contains("already provisioned")
                .contains("the board was not changed");
        assertThat(loop.call(() -> Provisioning.read(board.context().settings())).join()).isNull();
    }
}
