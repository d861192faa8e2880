package io.fieldlink.firmware.jvm.testing;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The technician's end of a serial console, for tests: writes lines, collects the board's lines on a
 * reader thread. Shared through this module's test-jar.
 */
public final class ConsoleClient implements AutoCloseable {
    private final SerialPort port;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean open = true;

    private ConsoleClient(SerialPort port) {
        this.port = port;
        this.reader = new Thread(this::read, "console-client");
        this.reader.setDaemon(true);
    }

    /** Opens {@code path} at 115200 8N1. */
    public static ConsoleClient open(String path) throws IOException {
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(115_200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 200, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        }
        ConsoleClient c = new ConsoleClient(port);
        c.reader.start();
        return c;
    }

    private void read() {
        byte[] buffer = new byte[512];
        StringBuilder line = new StringBuilder();
        while (open) {
            int n = port.readBytes(buffer, buffer.length);
            for (int i = 0; i < n; i++) {
                char ch = (char) (buffer[i] & 0xff);
                if (ch == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                } else if (ch != '\r') {
                    line.append(ch);
                }
            }
            if (n < 0) {
                return;
            }
        }
    }

    /** Sends one line (CRLF appended). */
    public void send(String line) {
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        port.writeBytes(bytes, bytes.length);
    }

    /** @return the next line from the board, or null after {@code timeout} */
    public String next(Duration timeout) throws InterruptedException {
        return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops lines received so far. */
    public void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        open = false;
        port.closePort();
    }
}
