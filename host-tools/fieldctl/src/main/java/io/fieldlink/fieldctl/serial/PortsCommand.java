package io.fieldlink.fieldctl.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.fieldlink.fieldctl.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the serial ports the operating system offers. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = "List serial ports (USB-serial adapters, UARTs). Pseudo-terminals are not listed; pass their path to --port.")
public final class PortsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SerialPort[] ports = SerialPort.getCommPorts();
        if (ports.length == 0) {
            spec.commandLine().getOut().println("no serial ports found");
        }
        for (SerialPort port : ports) {
            spec.commandLine().getOut().println(port.getSystemPortPath() + "\t" + port.getDescriptivePortName());
        }
        return ExitCodes.OK;
    }
}
