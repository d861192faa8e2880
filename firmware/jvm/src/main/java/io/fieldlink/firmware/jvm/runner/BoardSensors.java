package io.fieldlink.firmware.jvm.runner;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.Sensors;
import io.fieldlink.firmware.jvm.gpio.GpioInputs;
import io.fieldlink.firmware.jvm.modbus.ModbusInputs;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's sensors for a board process: a channel on a GPIO pin reads the pin; a channel given a
 * fixed value on the command line (a bench set-up) reads that; a channel the field bus serves (its
 * board-file Modbus point, polled by {@link ModbusInputs}: the pump's flow meter, nozzle and storage
 * pressure when {@code --modbus} is given) reads its last answer; any other channel is faulty (so it is
 * reported as such, never as a made-up zero). The wellhead's app reads its field bus itself, so its
 * channels are faulty here. Reads from the loop thread.
 */
final class BoardSensors implements Sensors {
    private final Map<String, Long> fixed = new HashMap<>();
    private final Map<String, Boolean> known = new HashMap<>();
    private final GpioInputs gpio;
    private final ModbusInputs bus;

    /** @param bus the polled field-bus channels, or null */
    BoardSensors(BoardDefinition definition, GpioInputs gpio, Map<String, Long> fixedValues, ModbusInputs bus) {
        this.gpio = gpio;
        this.bus = bus;
        for (ChannelDefinition c : definition.channels()) {
            known.put(c.name(), Boolean.TRUE);
        }
        for (Map.Entry<String, Long> e : fixedValues.entrySet()) {
            if (!known.containsKey(e.getKey())) {
                throw new IllegalArgumentException("--sensor " + e.getKey() + ": board " + definition.name()
                        + " has no channel " + e.getKey());
            }
            fixed.put(e.getKey(), e.getValue());
        }
    }

    @Override
    public boolean healthy(String channel) {
        if (gpio.wired(channel) || fixed.containsKey(channel)) {
            return true;
        }
        return bus != null && bus.healthy(channel);
    }

    @Override
    public long readRaw(String channel) {
        if (!known.containsKey(channel)) {
            throw new FirmwareException("this board has no channel " + channel);
        }
        if (gpio.wired(channel)) {
            return gpio.value(channel);
        }
        Long v = fixed.get(channel);
        if (v != null) {
            return v;
        }
        return bus == null ? 0 : bus.raw(channel);
    }
}
