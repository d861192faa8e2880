package io.fieldlink.firmware.jvm.modbus;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import io.fieldlink.firmware.wellhead.modbus.ModbusMaster;
import io.fieldlink.firmware.wellhead.modbus.ModbusReply;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The firmware's {@link ModbusMaster} on j2mod, RTU or TCP ({@link ModbusLink}). A read runs on this
 * master's one bus thread (j2mod blocks for the answer) and its completion is handed to the board's
 * loop thread through {@code toLoop}, so the {@link ModbusReply} runs on the event loop as the HAL
 * requires. Bus trouble is a status, never an exception: no answer in time, a port that will not open
 * or a lost TCP connection is {@link ModbusStatus#TIMEOUT}; a frame with a bad CRC is
 * {@link ModbusStatus#CRC_ERROR}; an exception response is {@link ModbusStatus#EXCEPTION}. The
 * connection is (re)opened by the next read after a failure, so a bus that comes back heals.
 *
 * <p>{@link #read} is called on the loop thread only; {@link #close} from any thread.
 */
public final class J2modModbusMaster implements ModbusMaster, AutoCloseable {
    private final ModbusLink link;
    private final int timeoutMillis;
    private final Consumer<Runnable> toLoop;
    private final ExecutorService bus;
    private final int[] registers = new int[125];
    private final AtomicBoolean busy = new AtomicBoolean();
    private AbstractModbusMaster master;
    private boolean connectFailing;

    /**
     * @param link the bus
     * @param timeoutMillis how long to wait for an answer, &gt; 0
     * @param toLoop hands a task to the board's loop thread (e.g. {@code loopThread::post})
     */
    public J2modModbusMaster(ModbusLink link, int timeoutMillis, Consumer<Runnable> toLoop) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("modbus timeout must be positive: " + timeoutMillis);
        }
        this.link = link;
        this.timeoutMillis = timeoutMillis;
        this.toLoop = toLoop;
        this.bus = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "modbus-" + link);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void read(RegisterKind kind, int unitId, int address, int count, ModbusReply reply) {
        if (count < 1 || count > 125) {
            throw new IllegalArgumentException("count: " + count + " not in 1..125");
        }
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("a read is already outstanding");
        }
        try {
            bus.execute(() -> {
                ModbusStatus status = transact(kind, unitId, address, count);
                toLoop.accept(() -> {
                    busy.set(false);
                    reply.done(status, registers, status == ModbusStatus.OK ? count : 0);
                });
            });
        } catch (RejectedExecutionException e) {
            busy.set(false);
            reply.done(ModbusStatus.TIMEOUT, registers, 0);
        }
    }

    /** Runs on the bus thread; fills {@link #registers} on success. */
    private ModbusStatus transact(RegisterKind kind, int unitId, int address, int count) {
        try {
            AbstractModbusMaster m = connected();
            InputRegister[] answer = kind == RegisterKind.HOLDING
                    ? m.readMultipleRegisters(unitId, address, count)
                    : m.readInputRegisters(unitId, address, count);
            if (answer == null || answer.length < count) {
                return ModbusStatus.CRC_ERROR;
            }
            for (int i = 0; i < count; i++) {
                registers[i] = answer[i].toUnsignedShort();
            }
            return ModbusStatus.OK;
        } catch (ModbusSlaveException e) {
            Logger.debug("modbus {} unit {}: exception response {}", link, unitId, e.getMessage());
            return ModbusStatus.EXCEPTION;
        } catch (ModbusIOException e) {
            ModbusStatus status = classify(e);
            Logger.debug("modbus {} unit {}: {} ({})", link, unitId, status, e.getMessage());
            if (!link.rtu()) {
                disconnect();
            }
            return status;
        } catch (ModbusException | RuntimeException e) {
            Logger.debug("modbus {} unit {}: {}", link, unitId, e.getMessage());
            disconnect();
            return ModbusStatus.TIMEOUT;
        } catch (Exception e) {
            if (!connectFailing) {
                Logger.warn("modbus {}: cannot connect: {} (retrying with every read; logged once)", link, e.getMessage());
                connectFailing = true;
            }
            disconnect();
            return ModbusStatus.TIMEOUT;
        }
    }

    static ModbusStatus classify(ModbusIOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("crc") ? ModbusStatus.CRC_ERROR : ModbusStatus.TIMEOUT;
    }

    private AbstractModbusMaster connected() throws Exception {
        if (master == null) {
            AbstractModbusMaster m;
            if (link.rtu()) {
                SerialParameters p = new SerialParameters();
                p.setPortName(link.target());
                p.setBaudRate(link.number());
                p.setDatabits(8);
                p.setParity("None");
                p.setStopbits(1);
                p.setEncoding(Modbus.SERIAL_ENCODING_RTU);
                p.setEcho(false);
                m = new ModbusSerialMaster(p, timeoutMillis);
            } else {
                m = new ModbusTCPMaster(link.target(), link.number(), timeoutMillis, false, false);
            }
            m.connect();
            m.setRetries(0);
            master = m;
            if (connectFailing) {
                Logger.info("modbus {}: connected", link);
                connectFailing = false;
            }
        }
        return master;
    }

    private void disconnect() {
        if (master != null) {
            try {
                master.disconnect();
            } catch (RuntimeException e) {
                Logger.debug("modbus {}: disconnect failed: {}", link, e.getMessage());
            }
            master = null;
        }
    }

    /** Stops the bus thread (an outstanding read ends with its status) and closes the connection. */
    @Override
    public void close() {
        bus.shutdown();
        try {
            if (!bus.awaitTermination(timeoutMillis + 5_000L, TimeUnit.MILLISECONDS)) {
                Logger.warn("modbus {}: bus thread did not stop", link);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        disconnect();
    }
}
