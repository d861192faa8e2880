package io.fieldlink.firmware.kernel;

import io.fieldlink.boards.AlarmLevel;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.firmware.hal.Sensors;
import java.util.List;

/**
 * The latest sample of every input channel, in milli engineering units, with its health and alarm
 * level. Filled in place by the kernel on each sample tick ({@link #sample}); allocation-free.
 * Index order is the board file's channel order. Event-loop thread only.
 */
public final class Readings {
    private final ChannelDefinition[] channels;
    private final long[] milli;
    private final boolean[] healthy;
    private final AlarmLevel[] alarm;
    private long sampledAt = -1;

    /** @param channels the board's input channels */
    public Readings(List<ChannelDefinition> channels) {
        this.channels = channels.toArray(new ChannelDefinition[channels.size()]);
        this.milli = new long[this.channels.length];
        this.healthy = new boolean[this.channels.length];
        this.alarm = new AlarmLevel[this.channels.length];
        for (int i = 0; i < alarm.length; i++) {
            alarm[i] = AlarmLevel.NORMAL;
        }
    }

    /**
     * Reads every channel from the sensors. A channel that is unhealthy or out of its valid range
     * keeps its previous value, is marked unhealthy and keeps its previous alarm level.
     *
     * @param sensors the HAL sensors
     * @param nowMillis monotonic time of the sample
     */
    public void sample(Sensors sensors, long nowMillis) {
        for (int i = 0; i < channels.length; i++) {
            ChannelDefinition c = channels[i];
            String name = c.name();
            if (!sensors.healthy(name)) {
                healthy[i] = false;
                continue;
            }
            long v = c.toMilli(sensors.readRaw(name));
            if (!c.inRange(v)) {
                healthy[i] = false;
                continue;
            }
            milli[i] = v;
            healthy[i] = true;
            alarm[i] = c.alarms().classify(v);
        }
        sampledAt = nowMillis;
    }

    /** @return number of channels */
    public int count() {
        return channels.length;
    }

    /**
     * @param name a channel name
     * @return its index, or -1
     */
    public int indexOf(String name) {
        for (int i = 0; i < channels.length; i++) {
            if (channels[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param i index
     * @return the channel definition
     */
    public ChannelDefinition channel(int i) {
        return channels[i];
    }

    /**
     * @param i index
     * @return the value in milli units (last good value when unhealthy)
     */
    public long milli(int i) {
        return milli[i];
    }

    /**
     * @param i index
     * @return true if the last sample of the channel was good
     */
    public boolean healthy(int i) {
        return healthy[i];
    }

    /**
     * @param i index
     * @return the channel's alarm level from its last good sample
     */
    public AlarmLevel alarm(int i) {
        return alarm[i];
    }

    /** @return monotonic time of the last sample, or -1 before the first */
    public long sampledAt() {
        return sampledAt;
    }
}
