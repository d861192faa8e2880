package io.fieldlink.firmware.jvm.loop;

import io.fieldlink.firmware.hal.Log;
import io.fieldlink.firmware.hal.LogLevel;
import org.tinylog.Logger;

/** The firmware's log HAL on tinylog, tagged with the board id. */
public final class TinylogBoardLog implements Log {
    private final String board;

    public TinylogBoardLog(String board) {
        this.board = board;
    }

    @Override
    public void log(LogLevel level, String source, String message) {
        switch (level) {
            case DEBUG -> Logger.debug("[{}] {}: {}", board, source, message);
            case INFO -> Logger.info("[{}] {}: {}", board, source, message);
            case WARN -> Logger.warn("[{}] {}: {}", board, source, message);
            case ERROR -> Logger.error("[{}] {}: {}", board, source, message);
        }
    }
}
