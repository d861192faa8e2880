package io.fieldlink.firmware.wellhead.modbus;

/**
 * Receives the end of one Modbus read. Called exactly once per {@link ModbusMaster#read}, on the
 * event-loop thread. Must not block.
 */
public interface ModbusReply {
    /**
     * @param status how the transaction ended
     * @param registers the registers read, as unsigned 16-bit values; owned by the master and valid
     *     only during this call; meaningful only when {@code status} is {@link ModbusStatus#OK}
     * @param count number of valid entries in {@code registers}
     */
    void done(ModbusStatus status, int[] registers, int count);
}
