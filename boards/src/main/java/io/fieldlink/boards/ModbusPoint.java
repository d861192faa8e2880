package io.fieldlink.boards;

/** Where a wellhead channel lives on the Modbus: slave, function, first register, layout. */
public final class ModbusPoint {
    private final int slave;
    private final int function;
    private final int register;
    private final ModbusType type;

    /**
     * @param slave slave id 1..247
     * @param function 3 (holding registers) or 4 (input registers)
     * @param register first register address 0..65535 (protocol address, not 4xxxx notation)
     * @param type layout
     */
    public ModbusPoint(int slave, int function, int register, ModbusType type) {
        this.slave = slave;
        this.function = function;
        this.register = register;
        this.type = type;
    }

    /** @return slave id 1..247 */
    public int slave() {
        return slave;
    }

    /** @return function code 3 or 4 */
    public int function() {
        return function;
    }

    /** @return first register address */
    public int register() {
        return register;
    }

    /** @return layout */
    public ModbusType type() {
        return type;
    }
}
