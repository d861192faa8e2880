package io.fieldlink.hil.rig;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.boards.ModbusPoint;

/**
 * Where a channel's raw value lives on the field bus, from the board file's Modbus point: the
 * register table (function 3 holding, 4 input), the unit, the first register, and how many (32-bit
 * types take two, high word first).
 *
 * @param holding true for holding registers, false for input registers
 * @param unit the slave address
 * @param register the first register
 * @param words 1 or 2
 */
record FieldBusRegisters(boolean holding, int unit, int register, int words) {
    static FieldBusRegisters of(BoardDefinition def, String channel) {
        ChannelDefinition c = def.channel(channel);
        if (c == null || c.modbus() == null) {
            throw new IllegalArgumentException("channel " + channel + " of board " + def.name() + " is not on the Modbus bus");
        }
        ModbusPoint m = c.modbus();
        return new FieldBusRegisters(m.function() == 3, m.slave(), m.register(), m.type().registers());
    }

    /** @return the register values for {@code raw}, high word first */
    int[] words(long raw) {
        return words == 1 ? new int[] {(int) (raw & 0xffff)} : new int[] {(int) ((raw >>> 16) & 0xffff), (int) (raw & 0xffff)};
    }
}
