package io.fieldlink.fieldctl.serial;

import io.fieldlink.firmware.jvm.testing.PtyPair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fazecast.jSerialComm.SerialPort;
import io.fieldlink.fieldctl.ExitCodes;
import io.fieldlink.fieldctl.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Verifies exec over a real pty pair. The far end is a scripted console that speaks the machine-mode
 * protocol (the real firmware console is driven through fieldctl in the HIL suite).
 */
class ExecCommandTest {
    @TempDir
    Path dir;

    private PtyPair pty;
    private SerialPort boardEnd;
    private Thread board;
    private final List<String> boardHeard = new CopyOnWriteArrayList<>();
    private volatile boolean silent;

    @BeforeEach
    void start() throws Exception {
        pty = PtyPair.open(dir);
        boardEnd = SerialPort.getCommPort(pty.b.toString());
        boardEnd.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        assertThat(boardEnd.openPort()).isTrue();
        board = new Thread(this::answer, "scripted-board");
        board.setDaemon(true);
        board.start();
    }

    @AfterEach
    void stop() throws Exception {
        board.interrupt();
        boardEnd.closePort();
        pty.close();
    }

    private void answer() {
        StringBuilder pending = new StringBuilder();
        byte[] buffer = new byte[128];
        while (!Thread.currentThread().isInterrupted() && boardEnd.isOpen()) {
            int n = boardEnd.readBytes(buffer, buffer.length);
            if (n <= 0) {
                continue;
            }
            pending.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            int end;
            while ((end = pending.indexOf("\r\n")) >= 0) {
                String line = pending.substring(0, end);
                pending.delete(0, end + 2);
                boardHeard.add(line);
                if (silent) {
                    continue;
                }
                String reply = switch (line) {
                    case "mode machine" -> "OK mode=machine";
                    case "status" -> "OK board=meter balance=1200 relay=closed";
                    case "login 1234" -> "OK user=technician";
                    case "config set report_interval 0" -> "ERR bad_argument report_interval must be 10s..1h";
                    default -> "ERR unknown_command " + line;
                };
                byte[] bytes = ("meter-1 tick\r\n" + reply + "\r\n").getBytes(StandardCharsets.US_ASCII);
                boardEnd.writeBytes(bytes, bytes.length);
            }
        }
    }

    @Test
    void everyOkReplyIsPrintedAndExitIsZero() {
        Result r = fieldctl("exec", "--port", pty.a.toString(), "--pin", "1234", "status");

        assertThat(r.code).isEqualTo(ExitCodes.OK);
        assertThat(r.out).isEqualTo("OK board=meter balance=1200 relay=closed\n");
        assertThat(r.err).contains("# meter-1 tick");
        assertThat(boardHeard).containsExactly("mode machine", "login 1234", "status");
    }

    @Test
    void theFirstErrStopsTheScriptWithExitOne() {
        Result r = fieldctl("exec", "--port", pty.a.toString(), "config set report_interval 0", "status");

        assertThat(r.code).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.out).isEqualTo("ERR bad_argument report_interval must be 10s..1h\n");
        assertThat(boardHeard).doesNotContain("status");
    }

    @Test
    void aSilentBoardIsExitThreeNamingTheCommand() {
        silent = true;

        Result r = fieldctl("exec", "--port", pty.a.toString(), "--timeout", "300ms", "status");

        assertThat(r.code).isEqualTo(ExitCodes.IO);
        assertThat(r.err).contains("no reply to 'mode machine' within 300 ms");
    }

    @Test
    void aMissingPortIsExitThreeAndBadUsageIsTwo() {
        assertThat(fieldctl("exec", "--port", dir.resolve("none").toString(), "status").code).isEqualTo(ExitCodes.IO);
        assertThat(fieldctl("exec", "status").code).isEqualTo(ExitCodes.USAGE);
        assertThat(fieldctl("exec", "--port", "x", "--timeout", "soon", "status").err).contains("not a duration");
    }

    record Result(int code, String out, String err) {
    }

    private static Result fieldctl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString().replace(System.lineSeparator(), "\n"), err.toString());
    }
}
