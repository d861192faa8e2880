package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.Actuators;
import java.util.HashMap;
import java.util.Map;

/** Actuators that remember what was driven, for tests and the simulator to observe. */
public final class MemoryActuators implements Actuators {
    private final Map<String, long[]> channels = new HashMap<String, long[]>();

    /**
     * Declares an output channel (value 0).
     *
     * @param channel name
     * @return this
     */
    public MemoryActuators add(String channel) {
        if (!channels.containsKey(channel)) {
            channels.put(channel, new long[1]);
        }
        return this;
    }

    @Override
    public void set(String channel, long value) {
        channel(channel)[0] = value;
    }

    @Override
    public long get(String channel) {
        return channel(channel)[0];
    }

    private long[] channel(String name) {
        long[] c = channels.get(name);
        if (c == null) {
            throw new FirmwareException("no actuator channel named " + name);
        }
        return c;
    }
}
