package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.hal.LineReceiver;
import io.fieldlink.firmware.hal.SerialConsole;
import java.util.ArrayList;
import java.util.List;

/** A console whose input a test types ({@link #type}) and whose output it reads ({@link #takeOutput}). */
public final class MemorySerialConsole implements SerialConsole {
    private final List<String> output = new ArrayList<String>();
    private LineReceiver receiver;

    @Override
    public void writeLine(String line) {
        output.add(line);
    }

    @Override
    public void setReceiver(LineReceiver receiver) {
        this.receiver = receiver;
    }

    /**
     * Types one line into the board, as if Enter was pressed.
     *
     * @param line the text
     * @throws IllegalStateException if nothing listens to the console
     */
    public void type(String line) {
        if (receiver == null) {
            throw new IllegalStateException("no console receiver is set");
        }
        receiver.onLine(line);
    }

    /** @return every line written since the last call, oldest first; clears them */
    public List<String> takeOutput() {
        List<String> copy = new ArrayList<String>(output);
        output.clear();
        return copy;
    }

    /** @return the last line written, or null */
    public String lastLine() {
        return output.isEmpty() ? null : output.get(output.size() - 1);
    }
}
