package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.Sensors;

/**
 * Sensors whose raw values a test or the simulator's physics sets. The channels sit in small
 * parallel arrays searched by name, starting where the last lookup ended: the kernel reads and the
 * physics sets the channels in the same order every sample, so a lookup is usually one comparison
 * (no hashing, no map nodes: this runs for every channel of every simulated board's every sample).
 */
public final class MemorySensors implements Sensors {
    private String[] names = new String[8];
    private long[] raw = new long[8];
    private boolean[] healthy = new boolean[8];
    private int count;
    /** Index of the channel the last lookup found. */
    private int last;

    /**
     * Sets a channel's raw value and marks it healthy, creating the channel if needed.
     *
     * @param channel name
     * @param raw raw value
     * @return this
     */
    public MemorySensors set(String channel, long raw) {
        int i = find(channel);
        if (i < 0) {
            i = add(channel);
        }
        this.raw[i] = raw;
        this.healthy[i] = true;
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
        int i = find(channel);
        return i >= 0 && healthy[i];
    }

    @Override
    public long readRaw(String channel) {
        return raw[channel(channel)];
    }

    private int channel(String name) {
        int i = find(name);
        if (i < 0) {
            throw new FirmwareException("no sensor channel named " + name);
        }
        return i;
    }

    /** @return the channel's index, or -1; tries the last one found, then the ones after it */
    private int find(String name) {
        int n = count;
        int i = last;
        for (int k = 0; k < n; k++) {
            String s = names[i];
            if (s == name || s.equals(name)) {
                last = i;
                return i;
            }
            i++;
            if (i == n) {
                i = 0;
            }
        }
        return -1;
    }

    private int add(String name) {
        if (name == null) {
            throw new FirmwareException("a sensor channel needs a name");
        }
        if (count == names.length) {
            int size = count * 2;
            String[] n = new String[size];
            long[] r = new long[size];
            boolean[] h = new boolean[size];
            System.arraycopy(names, 0, n, 0, count);
            System.arraycopy(raw, 0, r, 0, count);
            System.arraycopy(healthy, 0, h, 0, count);
            names = n;
            raw = r;
            healthy = h;
        }
        names[count] = name;
        last = count;
        return count++;
    }
}
