package io.fieldlink.firmware.jvm.console;

import io.fieldlink.firmware.hal.LineReceiver;
import io.fieldlink.firmware.hal.SerialConsole;
import io.fieldlink.firmware.jvm.SuppressForbidden;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.tinylog.Logger;

/**
 * The console on the process's standard input and output, for a board run by hand or by a script.
 * The process has one standard input: {@link #start(BoardLoopThread)} makes one reader for it and,
 * when a board is started again in the same process, hands the same console to the new loop.
 */
public final class StdioConsole implements SerialConsole {
    private static StdioConsole shared;

    private final PrintStream out;
    private volatile LineReceiver receiver;
    private volatile BoardLoopThread loop;

    private StdioConsole(PrintStream out, BoardLoopThread loop) {
        this.out = out;
        this.loop = loop;
    }

    /** The stdio console: this binding's purpose is to write to standard output. */
    @SuppressForbidden
    public static synchronized StdioConsole start(BoardLoopThread loop) {
        if (shared == null) {
            shared = start(System.in, System.out, loop);
        } else {
            shared.attach(loop);
        }
        return shared;
    }

    /** Hands the console to another board loop (a board restarted in the same process). */
    public void attach(BoardLoopThread newLoop) {
        receiver = null;
        loop = newLoop;
    }

    static StdioConsole start(InputStream in, PrintStream out, BoardLoopThread loop) {
        StdioConsole console = new StdioConsole(out, loop);
        LineAssembler lines = new LineAssembler(console::post);
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

    private void post(String line) {
        loop.post(() -> deliver(line));
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
