package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.Sensors;

/**
 * Sensors whose raw values a test or the simulator's physics sets. The channels are a few parallel
 * arrays looked up by name (a board has a handful), so a fleet of simulated boards holds no map per board.
 */
public final class MemorySensors implements Sensors {
    private String[] names = new String[0];
    private long[] raw = new long[0];
    private boolean[] healthy = new boolean[0];
    private int count;

    /**
     * Sets a channel's raw value and marks it healthy, creating the channel if needed.
     *
     * @param channel name
     * @param raw raw value
     * @return this
     */
    public MemorySensors set(String channel, long raw) {
        int i = indexOf(channel);
        if (i < 0) {
            i = add(channel);
        }
        this.raw[i] = raw;
        healthy[i] = true;
        return this;
    }

    /**
     * Marks an existing channel faulty (reads keep returning its last value).
     *
     * @param channel name
     */
    public void fail(String channel) {
        healthy[channel(channel)] = false;
    }

    @Override
    public boolean healthy(String channel) {
        int i = indexOf(channel);
        return i >= 0 && healthy[i];
    }

    @Override
    public long readRaw(String channel) {
        return raw[channel(channel)];
    }

    private int channel(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new FirmwareException("no sensor channel named " + name);
        }
        return i;
    }

    private int indexOf(String name) {
        return ChannelNames.indexOf(names, count, name);
    }

    private int add(String name) {
        if (name == null) {
            throw new FirmwareException("a sensor channel needs a name");
        }
        if (count == names.length) {
            int n = Math.max(4, count * 2);
            String[] ns = new String[n];
            long[] rs = new long[n];
            boolean[] hs = new boolean[n];
            System.arraycopy(names, 0, ns, 0, count);
            System.arraycopy(raw, 0, rs, 0, count);
            System.arraycopy(healthy, 0, hs, 0, count);
            names = ns;
            raw = rs;
            healthy = hs;
        }
        names[count] = name;
        return count++;
    }
}
