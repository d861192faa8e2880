package io.fieldlink.firmware.kernel;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.firmware.console.ConsoleCommand;
import io.fieldlink.firmware.console.Shell;
import io.fieldlink.firmware.hal.Actuators;
import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.hal.Crypto;
import io.fieldlink.firmware.hal.Log;
import io.fieldlink.firmware.hal.Scheduler;
import io.fieldlink.firmware.hal.Sensors;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.uplink.Uplink;
import io.fieldlink.protocol.memory.BufferPool;

/**
 * What a {@link BoardApp} may use: the HAL, the journal, the configuration, the console and the
 * uplink of its board. One per board; valid from {@link BoardApp#boot} on. Event-loop thread only.
 */
public final class BoardContext {
    private final Board board;

    BoardContext(Board board) {
        this.board = board;
    }

    /** @return the board definition */
    public BoardDefinition definition() {
        return board.definition();
    }

    /** @return the device id */
    public String deviceId() {
        return board.deviceId();
    }

    /** @return the board clock */
    public Clock clock() {
        return board.clock();
    }

    /** @return the event-loop scheduler for the app's own timers */
    public Scheduler scheduler() {
        return board.loop();
    }

    /** @return raw sensor access (the kernel already samples every channel into {@link Readings}) */
    public Sensors sensors() {
        return board.sensors();
    }

    /** @return the outputs */
    public Actuators actuators() {
        return board.actuators();
    }

    /** @return the crypto HAL */
    public Crypto crypto() {
        return board.crypto();
    }

    /** @return the board log (also kept for the console's {@code log}) */
    public Log log() {
        return board.log();
    }

    /** @return the journal: append records, commit the app's state snapshot */
    public Journal journal() {
        return board.journal();
    }

    /** @return the configuration */
    public BoardConfig config() {
        return board.config();
    }

    /** @return the persistent settings (for small app values outside the journal snapshot) */
    public Settings settings() {
        return board.settings();
    }

    /** @return the latest readings */
    public Readings readings() {
        return board.readings();
    }

    /** @return how many times this board has booted, this boot included */
    public long bootCount() {
        return board.bootCount();
    }

    /**
     * @param command a board-specific console command
     * @throws IllegalArgumentException if the name is taken
     */
    public void registerCommand(ConsoleCommand command) {
        board.shell().register(command);
    }

    /** @return the shell (to run lines directly, e.g. from tests) */
    public Shell shell() {
        return board.shell();
    }

    /**
     * @return where the board's uplink and app borrow buffers for the duration of one exchange or
     *     commit (lend-and-return, event-loop thread only)
     */
    public BufferPool buffers() {
        return board.buffers();
    }

    /** @return the uplink, or null if the board was built without one */
    public Uplink uplink() {
        return board.uplink();
    }
}
