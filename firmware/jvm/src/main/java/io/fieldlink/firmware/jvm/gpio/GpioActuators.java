package io.fieldlink.firmware.jvm.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.OutputDefinition;
import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.Actuators;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;

/**
 * The board's outputs (relay, valve, buzzer) on GPIO pins: a non-zero value drives the pin high
 * (energising the relay or valve driver), zero drives it low. Each output starts and ends at its board
 * file {@code safe_value}. An output with no pin is kept in memory only (a board on a bench), and is
 * logged like the others. Every change is logged as {@code output NAME=VALUE} (the pty HIL rig reads
 * it back from the log). {@link #set} on the loop thread; {@link #get} from any thread.
 */
public final class GpioActuators implements Actuators {
    private final Map<String, Long> values = new ConcurrentHashMap<>();
    private final Map<String, DigitalOutput> pins = new ConcurrentHashMap<>();

    /**
     * @param pi4j the Pi4J context (its mock provider off a Pi)
     * @param definition the board, whose outputs are the channels
     * @param wiring which output is on which pin; names must be outputs of the board
     * @throws IllegalArgumentException naming a wired name the board has no output for
     */
    public GpioActuators(Context pi4j, BoardDefinition definition, PinMap wiring) {
        for (String name : wiring.pins().keySet()) {
            if (output(definition, name) == null) {
                throw new IllegalArgumentException("--output " + name + ": board " + definition.name()
                        + " has no output " + name);
            }
        }
        for (OutputDefinition o : definition.outputs()) {
            DigitalState safe = o.safeValue() != 0 ? DigitalState.HIGH : DigitalState.LOW;
            values.put(o.name(), o.safeValue());
            Integer pin = wiring.pin(o.name());
            if (pin != null) {
                pins.put(o.name(), pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id("out-" + o.name())
                        .name(o.name()).address(pin).initial(safe).shutdown(safe)));
            }
        }
    }

    private static OutputDefinition output(BoardDefinition d, String name) {
        for (OutputDefinition o : d.outputs()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    @Override
    public void set(String channel, long value) {
        Long old = values.get(channel);
        if (old == null) {
            throw new FirmwareException("this board has no output " + channel);
        }
        DigitalOutput pin = pins.get(channel);
        if (pin != null) {
            pin.state(value != 0 ? DigitalState.HIGH : DigitalState.LOW);
        }
        values.put(channel, value);
        if (old != value) {
            Logger.info("output {}={}", channel, value);
        }
    }

    @Override
    public long get(String channel) {
        Long v = values.get(channel);
        if (v == null) {
            throw new FirmwareException("this board has no output " + channel);
        }
        return v;
    }

    /** @return the pin an output is on, or null (for tests and the console) */
    public DigitalOutput pin(String channel) {
        return pins.get(channel);
    }
}
