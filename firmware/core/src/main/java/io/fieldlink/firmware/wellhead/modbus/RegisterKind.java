package io.fieldlink.firmware.wellhead.modbus;

/** Which Modbus register table a read addresses. */
public enum RegisterKind {
    /** Function 03, read holding registers. */
    HOLDING,
    /** Function 04, read input registers. */
    INPUT
}
