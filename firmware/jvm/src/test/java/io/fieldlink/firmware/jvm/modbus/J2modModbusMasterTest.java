package io.fieldlink.firmware.jvm.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fazecast.jSerialComm.SerialPort;
import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import io.fieldlink.firmware.jvm.testing.PtyPair;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifies the j2mod master against real j2mod slaves: TCP on loopback, RTU over a socat pty pair. */
class J2modModbusMasterTest {
    @TempDir
    Path dir;

    private J2modModbusMaster master;
    private ModbusSlave slave;
    private PtyPair pty;

    @AfterEach
    void stop() throws Exception {
        if (master != null) {
            master.close();
        }
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
        if (pty != null) {
            pty.close();
        }
    }

    /** The outcome of one read, copied out of the master's buffer. */
    record Outcome(ModbusStatus status, int[] registers) {
    }

    private Outcome read(RegisterKind kind, int unit, int address, int count) throws Exception {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        master.read(kind, unit, address, count,
                (status, registers, n) -> done.complete(new Outcome(status, Arrays.copyOf(registers, n))));
        return done.get(30, TimeUnit.SECONDS);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private int tcpSlave(ModbusSlaveSim sim) throws Exception {
        int port = freePort();
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        slave.addProcessImage(1, sim.image);
        slave.open();
        return port;
    }

    @Test
    void readsHoldingAndInputRegistersOverTcp() throws Exception {
        int port = tcpSlave(new ModbusSlaveSim().holding(0, 13_900).holding(1, 3_000).input(10, 1).input(11, 0xfffe));
        master = new J2modModbusMaster(ModbusLink.parse("tcp:127.0.0.1:" + port), 3_000, Runnable::run);

        Outcome holding = read(RegisterKind.HOLDING, 1, 0, 2);
        Outcome input = read(RegisterKind.INPUT, 1, 10, 2);

        assertThat(holding.status()).isEqualTo(ModbusStatus.OK);
        assertThat(holding.registers()).containsExactly(13_900, 3_000);
        assertThat(input.status()).isEqualTo(ModbusStatus.OK);
        assertThat(input.registers()).containsExactly(1, 0xfffe);
    }

    @Test
    void anAddressTheSlaveDoesNotHaveIsAnExceptionResponse() throws Exception {
        int port = tcpSlave(new ModbusSlaveSim());
        master = new J2modModbusMaster(ModbusLink.parse("tcp:127.0.0.1:" + port), 3_000, Runnable::run);

        assertThat(read(RegisterKind.HOLDING, 1, 30, 5).status()).isEqualTo(ModbusStatus.EXCEPTION);
        assertThat(read(RegisterKind.HOLDING, 1, 0, 1).status()).as("the bus still works").isEqualTo(ModbusStatus.OK);
    }

    @Test
    void aTcpSlaveThatIsNotThereIsATimeoutAndTheMasterReconnectsWhenItComes() throws Exception {
        int port = freePort();
        master = new J2modModbusMaster(ModbusLink.parse("tcp:127.0.0.1:" + port), 2_000, Runnable::run);

        assertThat(read(RegisterKind.HOLDING, 1, 0, 1).status()).isEqualTo(ModbusStatus.TIMEOUT);

        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        slave.addProcessImage(1, new ModbusSlaveSim().holding(0, 42).image);
        slave.open();
        Outcome healed = read(RegisterKind.HOLDING, 1, 0, 1);
        assertThat(healed.status()).isEqualTo(ModbusStatus.OK);
        assertThat(healed.registers()).containsExactly(42);
    }

    @Test
    void readsOverRtuOnAPtyPairAndASilentSlaveIsATimeout() throws Exception {
        pty = PtyPair.open(dir);
        SerialParameters p = new SerialParameters(pty.b.toString(), 9600, SerialPort.FLOW_CONTROL_DISABLED,
                SerialPort.FLOW_CONTROL_DISABLED, 8, 1, SerialPort.NO_PARITY, false);
        p.setEncoding(Modbus.SERIAL_ENCODING_RTU);
        slave = ModbusSlaveFactory.createSerialSlave(p);
        slave.addProcessImage(1, new ModbusSlaveSim().holding(0, 12_345).input(2, 250).image);
        slave.open();
        master = new J2modModbusMaster(ModbusLink.parse("rtu:" + pty.a + ":9600"), 2_000, Runnable::run);

        Outcome holding = read(RegisterKind.HOLDING, 1, 0, 1);
        assertThat(holding.status()).isEqualTo(ModbusStatus.OK);
        assertThat(holding.registers()).containsExactly(12_345);
        assertThat(read(RegisterKind.INPUT, 1, 2, 1).registers()).containsExactly(250);

        assertThat(read(RegisterKind.HOLDING, 7, 0, 1).status()).as("no unit 7 on the bus").isEqualTo(ModbusStatus.TIMEOUT);
    }

    @Test
    void anRtuAnswerWithABadCrcIsACrcError() throws Exception {
        pty = PtyPair.open(dir);
        SerialPort far = SerialPort.getCommPort(pty.b.toString());
        far.setComPortParameters(9600, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        far.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 5_000, 0);
        assertThat(far.openPort()).isTrue();
        Thread responder = new Thread(() -> {
            byte[] request = new byte[8];
            int got = 0;
            while (got < 8) {
                int n = far.readBytes(request, 8 - got, got);
                if (n <= 0) {
                    return;
                }
                got += n;
            }
            // unit 1, function 3, 2 bytes, value 0x0102, then a CRC that is wrong
            byte[] answer = {1, 3, 2, 1, 2, 0x55, 0x55};
            far.writeBytes(answer, answer.length);
        });
        responder.start();
        try {
            master = new J2modModbusMaster(ModbusLink.parse("rtu:" + pty.a), 2_000, Runnable::run);
            assertThat(read(RegisterKind.HOLDING, 1, 0, 1).status()).isEqualTo(ModbusStatus.CRC_ERROR);
        } finally {
            responder.join(10_000);
            far.closePort();
        }
    }

    @Test
    void aSecondReadWhileOneIsOutstandingIsRefused() throws Exception {
        int port = tcpSlave(new ModbusSlaveSim().holding(0, 7));
        LinkedBlockingQueue<Runnable> loop = new LinkedBlockingQueue<>();
        master = new J2modModbusMaster(ModbusLink.parse("tcp:127.0.0.1:" + port), 1_000, loop::add);
        List<ModbusStatus> statuses = new ArrayList<>();
        master.read(RegisterKind.HOLDING, 1, 0, 1, (s, r, n) -> statuses.add(s));

        assertThatThrownBy(() -> master.read(RegisterKind.HOLDING, 1, 0, 1, (s, r, n) -> { }))
                .isInstanceOf(IllegalStateException.class);
        loop.poll(10, TimeUnit.SECONDS).run();
        assertThat(statuses).containsExactly(ModbusStatus.OK);
        master.read(RegisterKind.HOLDING, 1, 0, 1, (s, r, n) -> statuses.add(s));
        loop.poll(10, TimeUnit.SECONDS).run();
        assertThat(statuses).containsExactly(ModbusStatus.OK, ModbusStatus.OK);
    }

    @Test
    void linksParseWithDefaultsAndBadOnesAreNamed() {
        assertThat(ModbusLink.parse("rtu:/dev/ttyUSB0")).isEqualTo(new ModbusLink(true, "/dev/ttyUSB0", 9600));
        assertThat(ModbusLink.parse("rtu:/dev/ttyUSB0:19200")).isEqualTo(new ModbusLink(true, "/dev/ttyUSB0", 19200));
        assertThat(ModbusLink.parse("tcp:plc")).isEqualTo(new ModbusLink(false, "plc", 502));
        assertThat(ModbusLink.parse("TCP:10.0.0.5:1502")).isEqualTo(new ModbusLink(false, "10.0.0.5", 1502));
        assertThatThrownBy(() -> ModbusLink.parse("udp:x")).hasMessageContaining("rtu or tcp");
        assertThatThrownBy(() -> ModbusLink.parse("/dev/ttyUSB0")).hasMessageContaining("expected rtu:PORT");
        assertThatThrownBy(() -> ModbusLink.parse("tcp:plc:70000")).hasMessageContaining("port 70000");
        assertThatThrownBy(() -> ModbusLink.parse("rtu:")).hasMessageContaining("no serial port");
    }
}
