package io.fieldlink.simulator.fleet;

import io.fieldlink.firmware.hal.Log;
import io.fieldlink.firmware.hal.LogLevel;
import org.tinylog.Logger;

/** The boards' log: warnings and errors go to tinylog with the device id, the rest is dropped. */
final class QuietLog implements Log {
    private final String device;

    QuietLog(String device) {
        this.device = device;
    }

    @Override
    public void log(LogLevel level, String source, String message) {
        if (level == LogLevel.ERROR && message.indexOf("power lost") < 0) {
            Logger.warn("{} {}: {}", device, source, message);
        } else if (level == LogLevel.WARN) {
            Logger.debug("{} {}: {}", device, source, message);
        }
    }
}
