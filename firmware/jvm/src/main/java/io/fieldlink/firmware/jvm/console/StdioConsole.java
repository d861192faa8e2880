package io.fieldlink.firmware.jvm.console;

import io.fieldlink.firmware.hal.LineReceiver;
import io.fieldlink.firmware.hal.SerialConsole;
import io.fieldlink.firmware.jvm.SuppressForbidden;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.tinylog.Logger;

/** The console on the process's standard input and output, for a board run by hand or by a script. */
public final class StdioConsole implements SerialConsole {
    private final PrintStream out;
    private volatile LineReceiver receiver;

    private StdioConsole(PrintStream out) {
        this.out = out;
    }

    /** The stdio console: this binding's purpose is to write to standard output. */
    @SuppressForbidden
    public static StdioConsole start(BoardLoopThread loop) {
        return start(System.in, System.out, loop);
    }

    static StdioConsole start(InputStream in, PrintStream out, BoardLoopThread loop) {
        StdioConsole console = new StdioConsole(out);
        LineAssembler lines = new LineAssembler(line -> loop.post(() -> console.deliver(line)));
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    lines.accept(buffer, 0, n);
                }
            } catch (IOException e) {
                Logger.warn(e, "standard input closed");
            }
        }, "console-stdin");
        reader.setDaemon(true);
        reader.start();
        return console;
    }

    private void deliver(String line) {
        LineReceiver current = receiver;
        if (current != null) {
            current.onLine(line);
        }
    }

    @Override
    public void writeLine(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void setReceiver(LineReceiver receiver) {
        this.receiver = receiver;
    }
}
