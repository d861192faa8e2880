package io.fieldlink.firmware.wellhead.modbus;

import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory Modbus bus with slaves whose registers tests and the simulator set directly, and
 * whose faults they inject (a unit that times out, the next reads failing with a CRC error).
 * Completes every read synchronously. A unit's tables hold memory only up to the highest register
 * set so far (the rest read as zero). Not thread-safe: event loop only.
 */
public final class MemoryModbusSlave implements ModbusMaster {
    private static final int TABLE_SIZE = 1024;

    private final Map<Integer, int[][]> units = new HashMap<Integer, int[][]>();
    private final Map<Integer, ModbusStatus> unitFaults = new HashMap<Integer, ModbusStatus>();
    private static final int[] NONE = new int[0];

    private int[] out = NONE;
    private ModbusStatus nextFault;
    private int nextFaultCount;
    private boolean busy;
    private int reads;

    /** Adds a slave with 1024 holding and 1024 input registers, all zero. */
    public MemoryModbusSlave addUnit(int unitId) {
        units.put(Integer.valueOf(unitId), new int[][] {NONE, NONE});
        return this;
    }

    /** Sets one 16-bit register (the low 16 bits of {@code value}). */
    public MemoryModbusSlave set(RegisterKind kind, int unitId, int address, int value) {
        table(unitId, kind, address + 1)[address] = value & 0xffff;
        return this;
    }

    /** Sets a 32-bit value over two registers, high word first. */
    public MemoryModbusSlave set32(RegisterKind kind, int unitId, int address, long value) {
        int[] t = table(unitId, kind, address + 2);
        t[address] = (int) ((value >>> 16) & 0xffff);
        t[address + 1] = (int) (value & 0xffff);
        return this;
    }

    /** Makes every read of {@code unitId} end with {@code status} until {@link #heal(int)}. */
    public MemoryModbusSlave fail(int unitId, ModbusStatus status) {
        unitFaults.put(Integer.valueOf(unitId), status);
        return this;
    }

    /** Clears a fault set with {@link #fail}. */
    public MemoryModbusSlave heal(int unitId) {
        unitFaults.remove(Integer.valueOf(unitId));
        return this;
    }

    /** Makes the next {@code times} reads, of any unit, end with {@code status}. */
    public MemoryModbusSlave failNext(ModbusStatus status, int times) {
        nextFault = status;
        nextFaultCount = times;
        return this;
    }

    /** @return how many reads were started */
    public int reads() {
        return reads;
    }

    @Override
    public void read(RegisterKind kind, int unitId, int address, int count, ModbusReply reply) {
        if (count < 1 || count > 125) {
            throw new IllegalArgumentException("count: " + count + " not in 1..125");
        }
        if (busy) {
            throw new IllegalStateException("a read is already outstanding");
        }
        reads++;
        busy = true;
        ModbusStatus status = transact(kind, unitId, address, count);
        busy = false;
        reply.done(status, out, status == ModbusStatus.OK ? count : 0);
    }

    private ModbusStatus transact(RegisterKind kind, int unitId, int address, int count) {
        if (nextFaultCount > 0) {
            nextFaultCount--;
            return nextFault;
        }
        int[][] unit = units.get(Integer.valueOf(unitId));
        if (unit == null) {
            return ModbusStatus.TIMEOUT;
        }
        ModbusStatus fault = unitFaults.get(Integer.valueOf(unitId));
        if (fault != null) {
            return fault;
        }
        if (address < 0 || address + count > TABLE_SIZE) {
            return ModbusStatus.EXCEPTION;
        }
        if (out.length < count) {
            out = new int[count];
        }
        int[] t = unit[kind == RegisterKind.HOLDING ? 0 : 1];
        int held = Math.max(0, Math.min(count, t.length - address));
        if (held > 0) {
            System.arraycopy(t, address, out, 0, held);
        }
        for (int i = held; i < count; i++) {
            out[i] = 0;
        }
        return ModbusStatus.OK;
    }

    /** The unit's table of {@code kind}, holding at least {@code registers} registers. */
    private int[] table(int unitId, RegisterKind kind, int registers) {
        int[][] unit = units.get(Integer.valueOf(unitId));
        if (unit == null) {
            throw new IllegalArgumentException("unit " + unitId + ": not added");
        }
        if (registers < 1 || registers > TABLE_SIZE) {
            throw new ArrayIndexOutOfBoundsException("register " + (registers - 1) + " outside 0.." + (TABLE_SIZE - 1));
        }
        int k = kind == RegisterKind.HOLDING ? 0 : 1;
        if (unit[k].length < registers) {
            int[] bigger = new int[Math.min(TABLE_SIZE, (registers + 7) / 8 * 8)];
            System.arraycopy(unit[k], 0, bigger, 0, unit[k].length);
            unit[k] = bigger;
        }
        return unit[k];
    }
}
