package io.fieldlink.firmware.jvm.modbus;

import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.boards.ModbusPoint;
import io.fieldlink.boards.ModbusType;
import io.fieldlink.firmware.wellhead.modbus.ModbusMaster;
import io.fieldlink.firmware.wellhead.modbus.ModbusReply;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Input channels a board's kernel reads through its sensors but which live on the field bus (a pump's
 * Coriolis mass-flow meter totaliser, a remote I/O module's nozzle switch, a pressure transmitter):
 * every channel's Modbus point (board file {@code modbus_slave/function/register/type}) is read in turn,
 * one sweep per poll period, and the last answer of each is its value. A channel is healthy while its
 * last read succeeded; until its first answer, and after a timeout, CRC error or exception response, it
 * is faulty and keeps its last good value (as the HAL's sensors say).
 *
 * <p>The poll timer runs on a thread of its own in real time (the bus is polled as often whatever the
 * board's clock says); each sweep starts on the board's loop thread through {@code toLoop}, and the
 * master's replies complete there too, so {@link #healthy} and {@link #raw} are read on the loop thread
 * without locks. A sweep still running when the timer fires again is not overlapped.
 */
public final class ModbusInputs implements AutoCloseable {
    private final ModbusMaster bus;
    private final Consumer<Runnable> toLoop;
    private final String[] names;
    private final ModbusPoint[] points;
    private final long[] values;
    private final boolean[] healthy;
    private final ScheduledExecutorService timer;
    private boolean sweeping;
    private int next;

    /**
     * @param channels the channels to poll, each with a Modbus point
     * @param bus the field bus master (its replies complete on the loop thread)
     * @param toLoop hands a task to the board's loop thread
     * @param periodMillis time between sweeps, &gt; 0
     * @throws IllegalArgumentException for a channel without a Modbus point or a function other than 3 or 4
     */
    public ModbusInputs(List<ChannelDefinition> channels, ModbusMaster bus, Consumer<Runnable> toLoop, long periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("poll period must be positive: " + periodMillis);
        }
        this.bus = bus;
        this.toLoop = toLoop;
        int n = channels.size();
        names = new String[n];
        points = new ModbusPoint[n];
        values = new long[n];
        healthy = new boolean[n];
        for (int i = 0; i < n; i++) {
            ChannelDefinition c = channels.get(i);
            if (c.modbus() == null) {
                throw new IllegalArgumentException("channel " + c.name() + " has no Modbus point");
            }
            if (c.modbus().function() != 3 && c.modbus().function() != 4) {
                throw new IllegalArgumentException("channel " + c.name() + ": modbus_function " + c.modbus().function()
                        + " is not 3 or 4");
            }
            names[i] = c.name();
            points[i] = c.modbus();
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "modbus-inputs");
            t.setDaemon(true);
            return t;
        });
        if (n > 0) {
            timer.scheduleWithFixedDelay(() -> toLoop.accept(this::sweep), 0, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** @return true if {@code channel} is polled here */
    public boolean polls(String channel) {
        return index(channel) >= 0;
    }

    /** @return true if the channel's last read succeeded (loop thread) */
    public boolean healthy(String channel) {
        int i = index(channel);
        return i >= 0 && healthy[i];
    }

    /** @return the channel's last good raw value, 0 before the first (loop thread) */
    public long raw(String channel) {
        int i = index(channel);
        return i < 0 ? 0 : values[i];
    }

    private int index(String channel) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(channel)) {
                return i;
            }
        }
        return -1;
    }

    /** Starts a sweep unless one runs (loop thread). */
    private void sweep() {
        if (sweeping || timer.isShutdown()) {
            return;
        }
        sweeping = true;
        next = 0;
        readNext();
    }

    private void readNext() {
        if (next >= points.length || timer.isShutdown()) {
            sweeping = false;
            return;
        }
        final int i = next++;
        ModbusPoint p = points[i];
        RegisterKind kind = p.function() == 3 ? RegisterKind.HOLDING : RegisterKind.INPUT;
        bus.read(kind, p.slave(), p.register(), p.type().registers(), new ModbusReply() {
            @Override
            public void done(ModbusStatus status, int[] registers, int count) {
                if (status == ModbusStatus.OK && count >= p.type().registers()) {
                    values[i] = decode(p.type(), registers);
                    healthy[i] = true;
                } else {
                    healthy[i] = false;
                }
                readNext();
            }
        });
    }

    /** @return the value of a point's registers (high word first) */
    static long decode(ModbusType type, int[] registers) {
        switch (type) {
            case UINT16:
                return registers[0] & 0xffff;
            case INT16:
                return (short) registers[0];
            case UINT32:
                return ((long) (registers[0] & 0xffff) << 16) | (registers[1] & 0xffff);
            case INT32:
                return ((registers[0] & 0xffff) << 16) | (registers[1] & 0xffff);
            default:
                throw new IllegalArgumentException("modbus type " + type);
        }
    }

    /** Stops polling (a sweep under way ends with its current read). */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
