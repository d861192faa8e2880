package io.fieldlink.fieldctl.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A serial line to a board's console, 8N1 without flow control: lines out with CRLF, lines in up to
 * CR or LF, each read bounded by a deadline. Not thread-safe.
 */
public final class SerialLine implements AutoCloseable {
    private final SerialPort port;
    private final StringBuilder pending = new StringBuilder();
    private final byte[] buffer = new byte[256];

    private SerialLine(SerialPort port) {
        this.port = port;
    }

    public static SerialLine open(String path, int baud) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("cannot open serial port " + path + " (no such port)", e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + path + " (error " + port.getLastErrorCode() + ")");
        }
        return new SerialLine(port);
    }

    public void writeLine(String line) throws IOException {
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        if (port.writeBytes(bytes, bytes.length) != bytes.length) {
            throw new IOException("writing to " + port.getSystemPortName() + " failed");
        }
    }

    /** The next non-empty line, or null when none arrives within {@code timeout}. */
    public String readLine(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = takeLine();
            if (line != null) {
                return line;
            }
            if (System.nanoTime() - deadline > 0) {
                return null;
            }
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                throw new IOException("reading from " + port.getSystemPortName() + " failed (error " + port.getLastErrorCode() + ")");
            }
            pending.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
    }

    /** Raw bytes as they come, for the interactive console; 0 when nothing arrived within the port's read timeout. */
    int readRaw(byte[] into) {
        return port.readBytes(into, into.length);
    }

    void writeRaw(byte[] bytes, int length) throws IOException {
        if (port.writeBytes(bytes, length) != length) {
            throw new IOException("writing to " + port.getSystemPortName() + " failed");
        }
    }

    private String takeLine() {
        while (true) {
            int end = -1;
            for (int i = 0; i < pending.length(); i++) {
                char c = pending.charAt(i);
                if (c == '\r' || c == '\n') {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                return null;
            }
            String line = pending.substring(0, end);
            pending.delete(0, end + 1);
            if (!line.isEmpty()) {
                return line;
            }
        }
    }

    @Override
    public void close() {
        port.closePort();
    }
}
