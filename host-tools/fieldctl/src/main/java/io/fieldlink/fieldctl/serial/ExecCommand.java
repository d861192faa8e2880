package io.fieldlink.fieldctl.serial;

import io.fieldlink.fieldctl.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs console commands on a board from a script: each CMD argument is one command line; each reply
 * is printed as one line. Exit code 0 when every command answered OK, 1 when one answered ERR (the
 * rest are not run), 3 when the port fails or the board is silent.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Run console commands on a board (machine mode); exit 0 if all OK, 1 on the first ERR, 3 if the board is silent.")
public final class ExecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, description = "serial port path, e.g. /dev/ttyUSB0")
    String port;

    @Option(names = "--baud", defaultValue = "115200", description = "baud rate (default ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--timeout", defaultValue = "5s", converter = DurationConverter.class,
            description = "how long to wait for each reply, e.g. 500ms, 5s (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--pin", description = "log in with this technician PIN first")
    String pin;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "commands, each one argument, e.g. 'config get report_interval'")
    List<String> commands;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (SerialLine line = SerialLine.open(port, baud)) {
            MachineSession session = new MachineSession(line, timeout, notice -> err.println("# " + notice));
            session.enter();
            if (pin != null) {
                BoardReply login = session.run("login " + pin);
                if (!login.ok()) {
                    out.println("ERR " + login.errorCode() + " " + login.errorMessage());
                    return ExitCodes.REFUSED;
                }
            }
            for (String command : commands) {
                BoardReply reply = session.run(command);
                out.println(render(reply));
                if (!reply.ok()) {
                    return ExitCodes.REFUSED;
                }
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("fieldctl exec: " + e.getMessage());
            return ExitCodes.IO;
        }
    }

    static String render(BoardReply reply) {
        if (!reply.ok()) {
            return "ERR " + reply.errorCode() + " " + reply.errorMessage();
        }
        StringBuilder line = new StringBuilder("OK");
        for (Map.Entry<String, String> field : reply.fields().entrySet()) {
            line.append(' ').append(field.getKey()).append('=').append(field.getValue());
        }
        return line.toString();
    }
}
