package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.Sensors;

/**
 * Sensors whose raw values a test or the simulator's physics sets. The channels sit in small
 * parallel arrays searched by name, by identity first (the kernel and the physics name the channels
 * with the same string objects every sample), starting where the last lookup ended, so a lookup is
 * usually a reference comparison or two: no hashing, no map nodes, for every channel of every
 * simulated board's every sample.
 */
public final class MemorySensors implements Sensors {
    private String[] names = new String[8];
    private long[] raw = new long[8];
    private boolean[] healthy = new boolean[8];
    /** Per channel: the last string object other than its own name that looked it up (callers keep theirs). */
    private String[] seen = new String[8];
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

    /**
     * @return the channel's index, or -1: first by identity (against the name it was created with and
     *     the last other string object that named it), starting at the last one found, then by content
     */
    private int find(String name) {
        if (name == null) {
            return -1;
        }
        int n = count;
        int i = last;
        for (int k = 0; k < n; k++) {
            if (names[i] == name || seen[i] == name) {
                last = i;
                return i;
            }
            if (++i == n) {
                i = 0;
            }
        }
        for (i = 0; i < n; i++) {
            if (names[i].equals(name)) {
                seen[i] = name;
                last = i;
                return i;
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
            String[] o = new String[size];
            System.arraycopy(names, 0, n, 0, count);
            System.arraycopy(seen, 0, o, 0, count);
            System.arraycopy(raw, 0, r, 0, count);
            System.arraycopy(healthy, 0, h, 0, count);
            names = n;
            raw = r;
            healthy = h;
            seen = o;
        }
        names[count] = name;
        last = count;
        return count++;
    }
}
