package io.fieldlink.firmware.jvm.runner;

import io.fieldlink.firmware.jvm.console.SerialPortConsole;
import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import org.tinylog.Logger;

/**
 * The board process's life: it runs a {@link BoardRunner} until stopped; the console's {@code reboot}
 * restarts it in this process (everything but the console closed and opened again, so an identity
 * provisioned over the console takes effect, and the technician's cable stays open); {@link #stop} (the shutdown hook on Ctrl-C or SIGTERM) stops it cleanly.
 */
public final class BoardProcess {
    private final RunnerSettings settings;
    private final LinkedBlockingQueue<Boolean> events = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private BoardRunner current;
    private SerialPortConsole console;
    private boolean stopping;

    /** @param settings what each start uses */
    public BoardProcess(RunnerSettings settings) {
        this.settings = settings;
    }

    /** Starts the board (see {@link BoardRunner#start(RunnerSettings, Runnable)} for what it throws). */
    public void start() throws IOException {
        synchronized (lock) {
            if (!settings.console().equals("stdio")) {
                console = SerialPortConsole.open(settings.console(), settings.consoleBaud(), null);
            }
            try {
                current = BoardRunner.start(settings, () -> events.add(Boolean.TRUE), console);
            } catch (IOException | RuntimeException e) {
                closeConsole();
                throw e;
            }
        }
    }

    private void closeConsole() {
        if (console != null) {
            console.close();
            console = null;
        }
    }

    /**
     * Serves reboot requests until {@link #stop}.
     *
     * @return true after a clean stop, false when a restart failed (the process should exit non-zero)
     */
    public boolean runUntilStopped() throws InterruptedException {
        while (events.take()) {
            synchronized (lock) {
                if (stopping) {
                    return true;
                }
                Logger.info("rebooting board {}", current.deviceId());
                current.close();
                try {
                    current = BoardRunner.start(settings, () -> events.add(Boolean.TRUE), console);
                } catch (IOException | RuntimeException e) {
                    Logger.error(e, "the board did not start again after its reboot");
                    current = null;
                    stopping = true;
                    closeConsole();
                    return false;
                }
            }
        }
        return true;
    }

    /** Stops the board cleanly (outputs safe) and ends {@link #runUntilStopped}; safe from any thread. */
    public void stop() {
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
            if (current != null) {
                Logger.info("stopping board {}", current.deviceId());
                current.close();
                Logger.info("board {} stopped", current.deviceId());
            }
            closeConsole();
        }
        events.add(Boolean.FALSE);
    }
}
