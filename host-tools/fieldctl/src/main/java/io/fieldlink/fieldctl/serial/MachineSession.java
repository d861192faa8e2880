package io.fieldlink.fieldctl.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Talks to a board console in machine mode: switches it with {@code mode machine}, then sends one
 * command at a time and waits for its one reply line. Lines that are not replies (a board's own
 * notices) go to a sink.
 */
public final class MachineSession {
    private final SerialLine line;
    private final Duration timeout;
    private final Consumer<String> notices;

    public MachineSession(SerialLine line, Duration timeout, Consumer<String> notices) {
        this.line = line;
        this.timeout = timeout;
        this.notices = notices;
    }

    /** Switches the board to machine mode; fails when it does not answer. */
    public void enter() throws IOException {
        BoardReply reply = run("mode machine");
        if (!reply.ok()) {
            throw new IOException("the board refused machine mode: " + reply.errorCode() + " " + reply.errorMessage());
        }
    }

    /** Sends one command and returns its reply; an {@link IOException} when none comes in time. */
    public BoardReply run(String command) throws IOException {
        line.writeLine(command);
        while (true) {
            String text = line.readLine(timeout);
            if (text == null) {
                throw new IOException("no reply to '" + command + "' within " + timeout.toMillis() + " ms");
            }
            if (BoardReply.isReply(text)) {
                return BoardReply.parse(text);
            }
            notices.accept(text);
        }
    }
}
