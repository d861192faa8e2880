package io.fieldlink.boards;

/** How a Modbus value is laid out in registers (big-endian words, high word first). */
public enum ModbusType {
    /** One register, signed. */
    INT16(1),
    /** One register, unsigned. */
    UINT16(1),
    /** Two registers, signed. */
    INT32(2),
    /** Two registers, unsigned. */
    UINT32(2);

    private final int registers;

    ModbusType(int registers) {
        this.registers = registers;
    }

    /** @return registers the value spans */
    public int registers() {
        return registers;
    }
}
