package io.fieldlink.boards;

/**
 * One input channel of a board: how to read it, scale it and judge it. Engineering values are
 * integers in milli units of {@link #unit()} (e.g. 230.5 V is 230500). Immutable.
 */
public final class ChannelDefinition {
    private final String name;
    private final String unit;
    private final ChannelType type;
    private final long scaleMicro;
    private final long offsetMilli;
    private final long samplePeriodMillis;
    private final long minMilli;
    private final long maxMilli;
    private final AlarmLimits alarms;
    private final long deadbandMilli;
    private final long integrityPeriodMillis;
    private final ModbusPoint modbus;

    ChannelDefinition(String name, String unit, ChannelType type, long scaleMicro, long offsetMilli,
            long samplePeriodMillis, long minMilli, long maxMilli, AlarmLimits alarms, long deadbandMilli,
            long integrityPeriodMillis, ModbusPoint modbus) {
        this.name = name;
        this.unit = unit;
        this.type = type;
        this.scaleMicro = scaleMicro;
        this.offsetMilli = offsetMilli;
        this.samplePeriodMillis = samplePeriodMillis;
        this.minMilli = minMilli;
        this.maxMilli = maxMilli;
        this.alarms = alarms;
        this.deadbandMilli = deadbandMilli;
        this.integrityPeriodMillis = integrityPeriodMillis;
        this.modbus = modbus;
    }

    /**
     * @param raw the raw sensor value (see {@code Sensors.readRaw})
     * @return {@code raw * scale + offset} in milli engineering units (truncated toward zero)
     */
    public long toMilli(long raw) {
        return raw * scaleMicro / 1000 + offsetMilli;
    }

    /**
     * @param milli a value in milli units
     * @return true if it lies in the channel's valid range (outside means a sensor fault)
     */
    public boolean inRange(long milli) {
        return milli >= minMilli && milli <= maxMilli;
    }

    /** @return the channel name, lower case, e.g. {@code voltage} */
    public String name() {
        return name;
    }

    /** @return the engineering unit, e.g. {@code V} */
    public String unit() {
        return unit;
    }

    /** @return what it measures */
    public ChannelType type() {
        return type;
    }

    /** @return engineering units per raw count, times 10^6 */
    public long scaleMicro() {
        return scaleMicro;
    }

    /** @return offset added after scaling, milli units */
    public long offsetMilli() {
        return offsetMilli;
    }

    /** @return milliseconds between samples */
    public long samplePeriodMillis() {
        return samplePeriodMillis;
    }

    /** @return lowest valid value, milli units ({@link Long#MIN_VALUE} if unbounded) */
    public long minMilli() {
        return minMilli;
    }

    /** @return highest valid value, milli units ({@link Long#MAX_VALUE} if unbounded) */
    public long maxMilli() {
        return maxMilli;
    }

    /** @return alarm limits ({@link AlarmLimits#NONE} if none) */
    public AlarmLimits alarms() {
        return alarms;
    }

    /** @return report-by-exception deadband, milli units; 0 when every sample is reported */
    public long deadbandMilli() {
        return deadbandMilli;
    }

    /** @return report at least this often even without change, ms; 0 for never */
    public long integrityPeriodMillis() {
        return integrityPeriodMillis;
    }

    /** @return where it lives on the Modbus, or null for a directly wired channel */
    public ModbusPoint modbus() {
        return modbus;
    }
}
