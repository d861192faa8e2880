package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.Actuators;

/**
 * Actuators that remember what was driven, for tests and the simulator to observe. A handful of
 * channels in parallel arrays searched by name (a lookup is a comparison or two: no hashing, no map
 * nodes for every simulated board).
 */
public final class MemoryActuators implements Actuators {
    private String[] names = new String[4];
    private long[] values = new long[4];
    private int count;

    /**
     * Declares an output channel (value 0).
     *
     * @param channel name
     * @return this
     */
    public MemoryActuators add(String channel) {
        if (channel == null) {
            throw new FirmwareException("an actuator channel needs a name");
        }
        if (find(channel) >= 0) {
            return this;
        }
        if (count == names.length) {
            String[] n = new String[count * 2];
            long[] v = new long[count * 2];
            System.arraycopy(names, 0, n, 0, count);
            System.arraycopy(values, 0, v, 0, count);
            names = n;
            values = v;
        }
        names[count++] = channel;
        return this;
    }

    @Override
    public void set(String channel, long value) {
        values[channel(channel)] = value;
    }

    @Override
    public long get(String channel) {
        return values[channel(channel)];
    }

    private int channel(String name) {
        int i = find(name);
        if (i < 0) {
            throw new FirmwareException("no actuator channel named " + name);
        }
        return i;
    }

    private int find(String name) {
        for (int i = 0; i < count; i++) {
            String s = names[i];
            if (s == name || s.equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
