package io.fieldlink.firmware.jvm.console;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.fieldlink.firmware.hal.LineReceiver;
import io.fieldlink.firmware.hal.SerialConsole;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import org.tinylog.Logger;

/**
 * The console on a serial port (8N1, no flow control), e.g. {@code /dev/ttyUSB0}, {@code /dev/serial0}
 * or one end of a pty pair. Lines end in CRLF on output.
 */
public final class SerialPortConsole implements SerialConsole, AutoCloseable {
    private final SerialPort port;
    private final Thread reader;
    private volatile LineReceiver receiver;
    private volatile BoardLoopThread loop;
    private volatile boolean open = true;

    private SerialPortConsole(SerialPort port, BoardLoopThread loop) {
        this.port = port;
        this.loop = loop;
        LineAssembler lines = new LineAssembler(this::post);
        this.reader = new Thread(() -> read(lines), "console-" + port.getSystemPortName());
        this.reader.setDaemon(true);
    }

    /**
     * Opens {@code path} at {@code baud}; a port that does not open is an {@link IOException} naming it.
     *
     * @param loop the board loop that gets its lines, or null until {@link #attach}
     */
    public static SerialPortConsole open(String path, int baud, BoardLoopThread loop) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("cannot open serial port " + path + " (no such port)", e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 500, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + path + " (error " + port.getLastErrorCode() + ")");
        }
        SerialPortConsole console = new SerialPortConsole(port, loop);
        console.reader.start();
        return console;
    }

    private void read(LineAssembler lines) {
        byte[] buffer = new byte[256];
        while (open) {
            int n = port.readBytes(buffer, buffer.length);
            if (n > 0) {
                lines.accept(buffer, 0, n);
            } else if (n < 0 && open) {
                Logger.warn("serial console {} read failed (error {})", port.getSystemPortName(), port.getLastErrorCode());
                return;
            }
        }
    }

    /** Hands a line to the board's loop; a line that comes while no board is attached is dropped. */
    private void post(String line) {
        BoardLoopThread current = loop;
        if (current != null) {
            current.post(() -> deliver(line));
        }
    }

    private void deliver(String line) {
        LineReceiver current = receiver;
        if (current != null) {
            current.onLine(line);
        }
    }

    @Override
    public void writeLine(String line) {
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            Logger.debug("serial console {} dropped output ({} of {} bytes)", port.getSystemPortName(), written, bytes.length);
        }
    }

    /**
     * Hands the open console to another board loop (a board restarted in the same process keeps its
     * cable); the new board sets its receiver when it boots.
     */
    public void attach(BoardLoopThread newLoop) {
        receiver = null;
        loop = newLoop;
    }

    @Override
    public void setReceiver(LineReceiver receiver) {
        this.receiver = receiver;
    }

    /** Lets the last lines leave (up to half a second), then closes the port. */
    @Override
    public void close() {
        open = false;
        long deadline = System.nanoTime() + 500_000_000L;
        while (port.bytesAwaitingWrite() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000L);
        }
        port.closePort();
    }
}
