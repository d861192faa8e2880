package io.fieldlink.firmware.jvm.runner;

import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.fieldlink.firmware.jvm.testing.ConsoleClient;
import io.fieldlink.firmware.jvm.testing.PtyPair;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rig around a board runner in a test: a pty pair for its console, a j2mod Modbus slave for its
 * field bus, the runner and the technician's console client. Whatever a test opened is closed after
 * it, the console first and the pty last.
 */
abstract class RunnerRigTest {
    @TempDir
    Path dir;

    PtyPair pty;
    ModbusSlave slave;
    BoardRunner runner;
    ConsoleClient console;

    @AfterEach
    void closeRig() throws Exception {
        if (console != null) {
            console.close();
        }
        if (runner != null) {
            runner.close();
        }
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
        if (pty != null) {
            pty.close();
        }
    }
}
