package io.fieldlink.simulator.fleet;

import io.fieldlink.firmware.hal.LineReceiver;
import io.fieldlink.firmware.hal.SerialConsole;

/** A console nobody is plugged into: output is dropped (a year of boards must not keep it). */
final class QuietConsole implements SerialConsole {
    @Override
    public void writeLine(String line) {
        // nobody is listening
    }

    @Override
    public void setReceiver(LineReceiver receiver) {
        // nothing is typed
    }
}
