package io.fieldlink.firmware.jvm.runner;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.Sensors;
import io.fieldlink.firmware.jvm.gpio.GpioInputs;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's sensors for a board process: a channel on a GPIO pin reads the pin; a channel given a
 * fixed value on the command line (a bench set-up) reads that; any other channel is faulty (so it is
 * reported as such, never as a made-up zero). Modbus channels are read by the board app from the
 * field bus itself (the wellhead), so they are faulty here too. Reads from the loop thread.
 */
final class BoardSensors implements Sensors {
    private final Map<String, Long> fixed = new HashMap<>();
    private final Map<String, Boolean> known = new HashMap<>();
    private final GpioInputs gpio;

    BoardSensors(BoardDefinition definition, GpioInputs gpio, Map<String, Long> fixedValues) {
        this.gpio = gpio;
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
        return gpio.wired(channel) || fixed.containsKey(channel);
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
        return v == null ? 0 : v;
    }
}
