package io.fieldlink.fieldctl.serial;

import io.fieldlink.fieldctl.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The interactive console: what you type goes to the board line by line, what the board says is
 * shown as it comes. End with Ctrl-D (end of input).
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Interactive console on a board's serial port; Ctrl-D ends it.")
public final class ConsoleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, description = "serial port path, e.g. /dev/ttyUSB0")
    String port;

    @Option(names = "--baud", defaultValue = "115200", description = "baud rate (default ${DEFAULT-VALUE})")
    int baud;

    InputStream input = System.in;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (SerialLine line = SerialLine.open(port, baud)) {
            Thread board = new Thread(() -> copyBoardToScreen(line, out), "console-board");
            board.setDaemon(true);
            board.start();
            byte[] typed = new byte[256];
            int n;
            while ((n = input.read(typed)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (typed[i] == '\n') {
                        typed[i] = '\r';
                    }
                }
                line.writeRaw(typed, n);
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("fieldctl console: " + e.getMessage());
            return ExitCodes.IO;
        }
    }

    private static void copyBoardToScreen(SerialLine line, PrintWriter out) {
        byte[] buffer = new byte[256];
        while (true) {
            int n = line.readRaw(buffer);
            if (n < 0) {
                return;
            }
            if (n > 0) {
                out.print(new String(buffer, 0, n, StandardCharsets.UTF_8).replace("\r\n", "\n"));
                out.flush();
            }
        }
    }
}
