package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.hal.Log;
import io.fieldlink.firmware.hal.LogLevel;
import java.util.ArrayList;
import java.util.List;

/** Keeps the newest log entries (as {@code LEVEL source: message}) in a bounded list. */
public final class MemoryLog implements Log {
    private final int capacity;
    private final List<String> entries = new ArrayList<String>();

    /** @param capacity entries kept; older ones are dropped */
    public MemoryLog(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void log(LogLevel level, String source, String message) {
        if (entries.size() == capacity) {
            entries.remove(0);
        }
        entries.add(level.name() + " " + source + ": " + message);
    }

    /** @return the kept entries, oldest first (a copy) */
    public List<String> entries() {
        return new ArrayList<String>(entries);
    }
}
