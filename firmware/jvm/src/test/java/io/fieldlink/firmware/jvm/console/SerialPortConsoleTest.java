package io.fieldlink.firmware.jvm.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fazecast.jSerialComm.SerialPort;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.jvm.loop.TinylogBoardLog;
import io.fieldlink.firmware.jvm.testing.PtyPair;
import io.fieldlink.firmware.kernel.EventLoop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifies the serial console over a real pty pair: the technician's end is a second serial port. */
class SerialPortConsoleTest {
    @TempDir
    Path dir;

    private PtyPair pty;
    private BoardLoopThread loop;
    private SerialPortConsole console;
    private SerialPort technician;

    @BeforeEach
    void open() throws Exception {
        pty = PtyPair.open(dir);
        SystemClock clock = new SystemClock();
        loop = new BoardLoopThread("console-test", new EventLoop(clock, new TinylogBoardLog("t"), 4), clock);
        loop.start();
        console = SerialPortConsole.open(pty.a.toString(), 115200, loop);
        technician = SerialPort.getCommPort(pty.b.toString());
        technician.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 200, 0);
        assertThat(technician.openPort()).isTrue();
    }

    @AfterEach
    void close() throws Exception {
        technician.closePort();
        console.close();
        loop.close();
        pty.close();
    }

    @Test
    void linesTypedOnTheCableArriveOnTheLoopThread() throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        console.setReceiver(line -> received.add((loop.onLoopThread() ? "loop:" : "other:") + line));

        type("status\r\nconfig get report_interval\r");

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("loop:status");
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("loop:config get report_interval");
    }

    @Test
    void writtenLinesReachTheCableWithCrlf() throws Exception {
        console.writeLine("OK balance=1200");

        assertThat(readFromCable("OK balance=1200\r\n".length())).isEqualTo("OK balance=1200\r\n");
    }

    @Test
    void aPortThatDoesNotExistIsNamed() {
        assertThatThrownBy(() -> SerialPortConsole.open(dir.resolve("nope").toString(), 9600, loop))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot open serial port " + dir.resolve("nope"));
    }

    private void type(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(technician.writeBytes(bytes, bytes.length)).isEqualTo(bytes.length);
    }

    private String readFromCable(int length) {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[64];
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (text.length() < length && Instant.now().isBefore(deadline)) {
            int n = technician.readBytes(buffer, buffer.length);
            if (n > 0) {
                text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
        }
        return text.toString();
    }
}
