package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.Actuators;

/**
 * Actuators that remember what was driven, for tests and the simulator to observe. The channels are
 * two parallel arrays looked up by name (a board has a handful).
 */
public final class MemoryActuators implements Actuators {
    private String[] names = new String[0];
    private long[] values = new long[0];
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
        if (indexOf(channel) >= 0) {
            return this;
        }
        if (count == names.length) {
            int n = Math.max(2, count * 2);
            String[] ns = new String[n];
            long[] vs = new long[n];
            System.arraycopy(names, 0, ns, 0, count);
            System.arraycopy(values, 0, vs, 0, count);
            names = ns;
            values = vs;
        }
        names[count] = channel;
        values[count] = 0;
        count++;
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
        int i = indexOf(name);
        if (i < 0) {
            throw new FirmwareException("no actuator channel named " + name);
        }
        return i;
    }

    private int indexOf(String name) {
        return ChannelNames.indexOf(names, count, name);
    }
}
