package io.fieldlink.firmware.jvm.runner;

import io.fieldlink.firmware.jvm.console.SerialPortConsole;
import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import org.tinylog.Logger;

/**
 * The board process's life: it runs a {@link BoardRunner} until stopped; the console's {@code reboot}
 * restarts it in this process (everything but the console closed and opened again, so an identity
 * provisioned over the console takes effect, and the technician's cable stays open), and so does a
 * storage fault (the HAL's system reset); {@link #stop} (the shutdown hook on Ctrl-C or SIGTERM)
 * stops it cleanly. A firmware update's restart stops the board and ends the run with
 * {@link Outcome#RESTART}: the process exits non-zero and the service manager runs the boot
 * selector, which picks the new slot.
 */
public final class BoardProcess {
    /** How {@link #runUntilStopped} ended. */
    public enum Outcome {
        /** {@link #stop} was called. */
        STOPPED,
        /** A reboot's start failed; the process should exit non-zero. */
        FAILED,
        /** A firmware update asked for a restart through the boot selector; the process should exit non-zero. */
        RESTART
    }

    private enum Event { REBOOT, RESTART, STOP }

    private final RunnerSettings settings;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
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
                current = startRunner();
            } catch (IOException | RuntimeException e) {
                closeConsole();
                throw e;
            }
        }
    }

    private BoardRunner startRunner() throws IOException {
        return BoardRunner.start(settings, () -> events.add(Event.REBOOT), console, () -> events.add(Event.RESTART));
    }

    private void closeConsole() {
        if (console != null) {
            console.close();
            console = null;
        }
    }

    /**
     * Serves reboot requests until {@link #stop} or a firmware restart.
     *
     * @return how it ended
     */
    public Outcome runUntilStopped() throws InterruptedException {
        while (true) {
            Event event = events.take();
            synchronized (lock) {
                if (stopping || event == Event.STOP) {
                    return Outcome.STOPPED;
                }
                if (event == Event.RESTART) {
                    Logger.info("board {}: restarting through the boot selector (firmware update)", current.deviceId());
                    stopping = true;
                    current.close();
                    closeConsole();
                    return Outcome.RESTART;
                }
                Logger.info("rebooting board {}", current.deviceId());
                current.close();
                try {
                    current = startRunner();
                } catch (IOException | RuntimeException e) {
                    Logger.error(e, "the board did not start again after its reboot");
                    current = null;
                    stopping = true;
                    closeConsole();
                    return Outcome.FAILED;
                }
            }
        }
    }

    /** @return the board running now, or null (for tests) */
    BoardRunner current() {
        synchronized (lock) {
            return current;
        }
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
        events.add(Event.STOP);
    }
}
