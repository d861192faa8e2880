package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.Sensors;
import java.util.HashMap;
import java.util.Map;

/** Sensors whose raw values a test or the simulator's physics sets. */
public final class MemorySensors implements Sensors {
    private final Map<String, Channel> channels = new HashMap<String, Channel>();

    /**
     * Sets a channel's raw value and marks it healthy, creating the channel if needed.
     *
     * @param channel name
     * @param raw raw value
     * @return this
     */
    public MemorySensors set(String channel, long raw) {
        Channel c = channels.get(channel);
        if (c == null) {
            c = new Channel();
            channels.put(channel, c);
        }
        c.raw = raw;
        c.healthy = true;
        return this;
    }

    /**
     * Marks an existing channel faulty (reads keep returning its last value).
     *
     * @param channel name
     */
    public void fail(String channel) {
        channel(channel).healthy = false;
    }

    @Override
    public boolean healthy(String channel) {
        Channel c = channels.get(channel);
        return c != null && c.healthy;
    }

    @Override
    public long readRaw(String channel) {
        return channel(channel).raw;
    }

    private Channel channel(String name) {
        Channel c = channels.get(name);
        if (c == null) {
            throw new FirmwareException("no sensor channel named " + name);
        }
        return c;
    }

    private static final class Channel {
        long raw;
        boolean healthy;
    }
}
