package io.fieldlink.firmware.jvm.runner;

import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.kernel.EventLoop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tinylog.Logger;

/**
 * The time warp of {@code fieldlink board --time-warp PORT}: a test-rig facility (the HIL suite's pty
 * rig lets a week pass in seconds), never for a board in the field. It listens on loopback only
 * ({@code 127.0.0.1:PORT}, 0 = any free port; the port is logged) for lines:
 *
 * <pre>
 * advance MS   the board's clock (monotonic and wall time) jumps MS ms forward, between two loop
 *              tasks; the answer comes once the loop has run what fell due:
 *              OK advanced=MS total=TOTAL ran=TASKS
 * </pre>
 *
 * Anything else is answered {@code ERR ...} and changes nothing. One connection at a time.
 */
final class TimeWarpControl implements AutoCloseable {
    /** The largest single jump, ms (31 days). */
    static final long MAX_JUMP_MILLIS = 31L * 24 * 3_600_000;

    private final ServerSocket server;
    private final SystemClock clock;
    private final BoardLoopThread loop;
    private final EventLoop events;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Socket current;

    private TimeWarpControl(ServerSocket server, SystemClock clock, BoardLoopThread loop, EventLoop events) {
        this.server = server;
        this.clock = clock;
        this.loop = loop;
        this.events = events;
        this.thread = new Thread(this::serve, "time-warp");
        this.thread.setDaemon(true);
    }

    /**
     * @param port the loopback port, 0 for any
     * @return the listening control
     * @throws IOException when the port cannot be bound
     */
    static TimeWarpControl start(int port, SystemClock clock, BoardLoopThread loop, EventLoop events) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            s.close();
            throw new IOException("--time-warp " + port + ": cannot listen on loopback: " + e.getMessage(), e);
        }
        TimeWarpControl c = new TimeWarpControl(s, clock, loop, events);
        c.thread.start();
        Logger.warn("time warp: the board's clock is steered from 127.0.0.1:{} (a test-rig facility, never in the field)",
                s.getLocalPort());
        return c;
    }

    /** @return the port it listens on */
    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!closed) {
            try (Socket s = server.accept()) {
                current = s;
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII);
                for (String line = in.readLine(); line != null && !closed; line = in.readLine()) {
                    out.write(answer(line.trim()) + "\n");
                    out.flush();
                }
            } catch (IOException e) {
                if (!closed) {
                    Logger.debug("time warp connection ended: {}", e.getMessage());
                }
            }
        }
    }

    /** @return the answer to one control line */
    String answer(String line) {
        String[] words = line.split("\\s+");
        if (words.length != 2 || !words[0].equals("advance")) {
            return "ERR usage: advance <millis>";
        }
        long millis;
        try {
            millis = Long.parseLong(words[1]);
        } catch (NumberFormatException e) {
            return "ERR not a number of milliseconds: " + words[1];
        }
        if (millis < 0 || millis > MAX_JUMP_MILLIS) {
            return "ERR advance " + millis + ": expected 0.." + MAX_JUMP_MILLIS + " ms";
        }
        try {
            int ran = loop.call(() -> {
                clock.advance(millis);
                return events.runDue();
            }).get(30, TimeUnit.SECONDS);
            return "OK advanced=" + millis + " total=" + clock.advancedMillis() + " ran=" + ran;
        } catch (ExecutionException | TimeoutException e) {
            return "ERR the board's loop did not run the jump: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "ERR interrupted";
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        Socket s = current;
        if (s != null) {
            s.close();
        }
    }
}
