package io.fieldlink.firmware.jvm.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.boards.ChannelType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The board's digital inputs on GPIO pins: a {@code digital} channel reads 1 while its pin is high
 * (tamper switch, nozzle lifted); a {@code counter} channel counts rising edges (flow-meter pulses).
 * Pins are pulled down. Edges arrive on Pi4J's threads; values are read from any thread.
 */
public final class GpioInputs {
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
    private final Map<String, DigitalInput> inputs = new ConcurrentHashMap<>();

    /**
     * @param pi4j the Pi4J context
     * @param definition the board
     * @param wiring which channel is on which pin
     * @throws IllegalArgumentException naming a channel that does not exist or is not digital/counter
     */
    public GpioInputs(Context pi4j, BoardDefinition definition, PinMap wiring) {
        for (Map.Entry<String, Integer> e : wiring.pins().entrySet()) {
            ChannelDefinition c = definition.channel(e.getKey());
            if (c == null) {
                throw new IllegalArgumentException("--input " + e.getKey() + ": board " + definition.name()
                        + " has no channel " + e.getKey());
            }
            if (c.type() != ChannelType.DIGITAL && c.type() != ChannelType.COUNTER) {
                throw new IllegalArgumentException("--input " + e.getKey() + ": channel is " + c.type().name().toLowerCase()
                        + "; only digital and counter channels go on a GPIO pin");
            }
            boolean counter = c.type() == ChannelType.COUNTER;
            DigitalInput in = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("in-" + c.name()).name(c.name())
                    .address(e.getValue()).pull(PullResistance.PULL_DOWN));
            AtomicLong value = new AtomicLong(counter ? 0 : high(in.state()));
            in.addListener(event -> {
                if (counter) {
                    if (event.state() == DigitalState.HIGH) {
                        value.incrementAndGet();
                    }
                } else {
                    value.set(high(event.state()));
                }
            });
            values.put(c.name(), value);
            inputs.put(c.name(), in);
        }
    }

    private static long high(DigitalState s) {
        return s == DigitalState.HIGH ? 1 : 0;
    }

    /** @return true if {@code channel} is on a pin */
    public boolean wired(String channel) {
        return values.containsKey(channel);
    }

    /** @return the channel's state (digital) or edge count (counter); 0 when not wired */
    public long value(String channel) {
        AtomicLong v = values.get(channel);
        return v == null ? 0 : v.get();
    }

    /** @return the Pi4J input of a channel, or null (tests drive the mock's through it) */
    public DigitalInput input(String channel) {
        return inputs.get(channel);
    }
}
