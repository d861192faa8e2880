package io.fieldlink.firmware.jvm.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.jvm.gpio.PinMap;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.jvm.modbus.ModbusLink;
import io.fieldlink.firmware.jvm.storage.FileStorage;
import io.fieldlink.firmware.jvm.testing.ConsoleClient;
import io.fieldlink.firmware.jvm.testing.PtyPair;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies a wellhead assembled by the runner: console on a pty pair, sensors from a real j2mod
 * Modbus TCP slave; a slave that goes away makes the channels faulty; a clean stop leaves the valve
 * in its safe state and the storage reopens.
 */
class BoardRunnerTest extends RunnerRigTest {
    private DatagramSocket hostStandIn;

    @AfterEach
    void closeHostStandIn() {
        if (hostStandIn != null) {
            hostStandIn.close();
        }
    }

    private String ask(String line) throws Exception {
        console.clear();
        console.send(line);
        String reply = console.next(Duration.ofSeconds(10));
        assertThat(reply).as("reply to " + line).isNotNull();
        return reply;
    }

    /** A meter with no identity (console only) on a fresh pty pair, started. */
    private BoardProcess startUnprovisionedMeter() throws Exception {
        pty = PtyPair.open(dir);
        RunnerSettings bare = new RunnerSettings(BoardLoader.builtIn("meter"), dir.resolve("data"), null, "m-1", null,
                pty.a.toString(), 115_200, null, 500, PinMap.none(), PinMap.none(), Map.of(), Map.of(), List.of(), 60_000);
        BoardProcess process = new BoardProcess(bare);
        process.start();
        return process;
    }

    private static java.util.concurrent.CompletableFuture<BoardProcess.Outcome> runUntilStopped(BoardProcess process) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return process.runUntilStopped();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Asks for the status until the board reports boot {@code n}. The old board may still answer a
     * line or two before it goes down, and the new one is silent while it starts.
     */
    private void awaitBoot(int n) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String status = "";
        while (!status.contains(" boot=" + n + " ") && Instant.now().isBefore(deadline)) {
            console.clear();
            console.send("mode machine");
            console.next(Duration.ofSeconds(2));
            console.clear();
            console.send("status");
            String reply = console.next(Duration.ofSeconds(2));
            status = reply == null ? "" : reply;
        }
        assertThat(status).contains(" boot=" + n + " ");
    }

    private String awaitReply(String line, String prefix) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String reply = null;
        while (reply == null || !reply.startsWith(prefix)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("'" + line + "' never answered " + prefix + "; last: " + reply);
            }
            console.clear();
            console.send(line);
            reply = console.next(Duration.ofSeconds(2));
        }
        return reply;
    }

    @Test
    void aWellheadReadsItsModbusSlaveAndItsChannelsGoFaultyWhenTheSlaveGoes() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SimpleProcessImage image = new SimpleProcessImage(1);
        for (int i = 0; i < 16; i++) {
            image.addRegister(new SimpleRegister(i == 0 ? 5_000 : i == 1 ? 3_000 : 0));
            image.addInputRegister(new SimpleInputRegister(i == 2 ? 250 : 0));
        }
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        slave.addProcessImage(1, image);
        slave.open();
        pty = PtyPair.open(dir);
        hostStandIn = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

        RunnerSettings settings = new RunnerSettings(BoardLoader.builtIn("wellhead"), dir.resolve("data"),
                HostAddress.parse("coap://127.0.0.1:" + hostStandIn.getLocalPort(), "test"), "w-1", null,
                pty.a.toString(), 115_200, ModbusLink.parse("tcp:127.0.0.1:" + port), 300, PinMap.none(), PinMap.none(),
                Map.of(), Map.of("daily_close_hour", "7"), List.of(), 60_000);
        runner = BoardRunner.start(settings);
        console = ConsoleClient.open(pty.b.toString());

        assertThat(ask("mode machine")).isEqualTo("OK mode=machine");
        assertThat(ask("config get daily_close_hour")).isEqualTo("OK daily_close_hour=7");
        assertThat(awaitReply("well", "OK tubing_pressure=5000000 casing_pressure=3000000 temperature=25000")).isNotNull();
        assertThat(awaitReply("shutin", "OK latched=0 valve=open")).isEqualTo("OK latched=0 valve=open");

        ModbusSlaveFactory.close(slave);
        slave = null;
        awaitReply("well", "OK tubing_pressure=fault casing_pressure=fault");

        runner.close();
        assertThat(runner.board().running()).isFalse();
        runner = BoardRunner.start(settings);
        assertThat(ask("mode machine")).isEqualTo("OK mode=machine");
        assertThat(ask("status")).contains("boot=2");
        assertThat(ask("config get daily_close_hour")).as("stored settings survive").isEqualTo("OK daily_close_hour=7");
    }

    /**
     * Verifies that a board with no identity runs console-only, and that the identity provisioning
     * stores in its settings (the console's {@code provision} command) is used at the next start.
     */
    @Test
    void anUnprovisionedBoardRunsConsoleOnlyAndAProvisionedOneReportsToItsStoredHost() throws Exception {
        pty = PtyPair.open(dir);
        hostStandIn = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        hostStandIn.setSoTimeout(20_000);
        Path data = dir.resolve("data");
        RunnerSettings bare = new RunnerSettings(BoardLoader.builtIn("meter"), data, null, null, null, pty.a.toString(), 115_200,
                null, 500, PinMap.none(), PinMap.none(), Map.of(), Map.of(), List.of(), 60_000);
        runner = BoardRunner.start(bare);
        console = ConsoleClient.open(pty.b.toString());

        assertThat(runner.deviceId()).isEqualTo(BoardRunner.UNPROVISIONED);
        assertThat(ask("mode machine")).isEqualTo("OK mode=machine");
        assertThat(ask("status")).contains("device=unprovisioned").endsWith("uplink=none");
        runner.close();

        try (FileStorage storage = FileStorage.open(data, RunnerSettings.STORAGE_LAYOUT)) {
            Settings settings = new Settings(storage.area("settings"));
            settings.put("provision.id", "m-42");
            settings.put("provision.host", "coap://127.0.0.1:" + hostStandIn.getLocalPort());
            settings.put("provision.psk", "00112233445566778899aabbccddeeff");
            settings.commit();
        }
        runner = BoardRunner.start(bare);
        assertThat(ask("mode machine")).isEqualTo("OK mode=machine");
        assertThat(ask("id")).startsWith("OK device=m-42 board=meter");
        DatagramPacket hello = new DatagramPacket(new byte[2048], 2048);
        hostStandIn.receive(hello);
        assertThat(hello.getLength()).as("the board's first CoAP request reaches its provisioned host").isGreaterThan(4);
    }

    /**
     * Verifies that a pump started offline (no host, so no hello) takes bookings at once: the JVM's
     * board clock is the operating system's, known at boot.
     */
    @Test
    void aPumpStartedOfflineTakesABookingWithoutTheHostsClock() throws Exception {
        pty = PtyPair.open(dir);
        io.fieldlink.crypto.jvm.IssuerKeyPair issuer = io.fieldlink.crypto.jvm.IssuerKeyPair.fromSeed(new byte[32]);
        Map<String, String> config = Map.of("station_code", "ST01", "issuer_keys",
                io.fieldlink.protocol.crypto.Hex.encode(issuer.keyId()) + ":" + io.fieldlink.protocol.crypto.Hex.encode(issuer.publicKey()));
        RunnerSettings offline = new RunnerSettings(BoardLoader.builtIn("pump"), dir.resolve("data"), null, null, null,
                pty.a.toString(), 115_200, null, 500, PinMap.none(), PinMap.none(),
                Map.of("flow_pulses", 0L, "dispensed_mass", 0L, "storage_pressure", 2_300L, "nozzle", 0L), config, List.of(), 60_000);
        runner = BoardRunner.start(offline);
        console = ConsoleClient.open(pty.b.toString());
        long nowS = System.currentTimeMillis() / 1000;
        String token = io.fieldlink.protocol.token.TokenText.encode(
                io.fieldlink.protocol.token.TokenClaims.booking("ST01", 42, 5_000, nowS - 60, nowS + 3_600, nowS + 7_200), issuer);

        assertThat(ask("mode machine")).isEqualTo("OK mode=machine");
        assertThat(ask("login 4711")).startsWith("OK");
        assertThat(ask("scan " + token)).isEqualTo("OK booking=42 grams=5000");
    }

    /** Verifies that the console's reboot restarts the whole board in the process, and stop ends it. */
    @Test
    void aRebootFromTheConsoleRestartsTheBoardAndStopEndsIt() throws Exception {
        BoardProcess process = startUnprovisionedMeter();
        java.util.concurrent.CompletableFuture<BoardProcess.Outcome> ended = runUntilStopped(process);
        try {
            console = ConsoleClient.open(pty.b.toString());
            assertThat(ask("mode machine")).isEqualTo("OK mode=machine");
            assertThat(ask("login 4711")).startsWith("OK");
            assertThat(ask("reboot")).isEqualTo("OK rebooting=true");
            awaitBoot(2);
        } finally {
            process.stop();
        }
        assertThat(ended.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(BoardProcess.Outcome.STOPPED);
    }

    /** Verifies that a storage fault (the HAL's system reset) restarts the whole board in the process, as the console's reboot does. */
    @Test
    void aStorageFaultRestartsTheBoardInTheProcess() throws Exception {
        BoardProcess process = startUnprovisionedMeter();
        java.util.concurrent.CompletableFuture<BoardProcess.Outcome> ended = runUntilStopped(process);
        try {
            console = ConsoleClient.open(pty.b.toString());
            assertThat(ask("mode machine")).isEqualTo("OK mode=machine");
            assertThat(ask("status")).contains(" boot=1 ");
            BoardRunner first = process.current();
            first.loop().post(() -> first.board().loop().schedule(() -> {
                throw new io.fieldlink.firmware.hal.StorageException("brown-out in the middle of a write (test)");
            }, 0));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (process.current() == first || process.current() == null) {
                assertThat(Instant.now()).as("the board restarts after the fault").isBefore(deadline);
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L); // poll, do not spin
            }
            awaitBoot(2);
        } finally {
            process.stop();
        }
        assertThat(ended.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(BoardProcess.Outcome.STOPPED);
    }
}
