package io.fieldlink.firmware.wellhead.modbus;

/** How one Modbus transaction ended. */
public enum ModbusStatus {
    /** Registers were read. */
    OK,
    /** No (complete) answer within the board's Modbus timeout. */
    TIMEOUT,
    /** An answer arrived with a bad CRC (RTU) or a malformed frame (TCP). */
    CRC_ERROR,
    /** The slave answered with an exception code (illegal address, device failure...). */
    EXCEPTION
}
