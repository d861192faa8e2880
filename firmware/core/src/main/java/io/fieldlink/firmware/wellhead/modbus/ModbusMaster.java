package io.fieldlink.firmware.wellhead.modbus;

/**
 * A Modbus master on the board's field bus, RTU or TCP as the board file says. Non-blocking: a
 * read is started here and completes through its {@link ModbusReply}, possibly before this
 * method returns (the in-memory slave does), or later on the event loop (the j2mod binding runs the
 * transaction off-loop and posts the completion back). At most one read is outstanding per master;
 * callers chain the next read from the reply.
 *
 * <p>Never throws for bus trouble: timeouts, CRC errors and exception responses are statuses.
 * Allocates nothing per read once warm.
 */
public interface ModbusMaster {
    /**
     * Starts reading {@code count} consecutive registers.
     *
     * @param kind holding (function 03) or input (function 04) registers
     * @param unitId slave address, 1..247 (RTU) or unit identifier (TCP)
     * @param address first register, 0-based protocol address
     * @param count number of registers, 1..125
     * @param reply completed exactly once
     * @throws IllegalStateException if a read is already outstanding
     * @throws IllegalArgumentException if {@code count} is out of range
     */
    void read(RegisterKind kind, int unitId, int address, int count, ModbusReply reply);
}
