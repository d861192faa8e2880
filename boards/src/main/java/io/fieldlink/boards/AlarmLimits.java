package io.fieldlink.boards;

/**
 * A channel's alarm limits in milli engineering units; an absent limit is {@link Long#MAX_VALUE}
 * (high side) or {@link Long#MIN_VALUE} (low side). Invariant: lowLow &lt;= low &lt; high &lt;= highHigh.
 */
public final class AlarmLimits {
    /** No limits at all. */
    public static final AlarmLimits NONE = new AlarmLimits(Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    private final long lowLow;
    private final long low;
    private final long high;
    private final long highHigh;

    /**
     * @param lowLow LL limit
     * @param low L limit
     * @param high H limit
     * @param highHigh HH limit
     */
    public AlarmLimits(long lowLow, long low, long high, long highHigh) {
        this.lowLow = lowLow;
        this.low = low;
        this.high = high;
        this.highHigh = highHigh;
    }

    /**
     * @param milli a value in milli engineering units
     * @return its level; a value exactly on a limit is not beyond it
     */
    public AlarmLevel classify(long milli) {
        if (milli > highHigh) {
            return AlarmLevel.HIGH_HIGH;
        }
        if (milli > high) {
            return AlarmLevel.HIGH;
        }
        if (milli < lowLow) {
            return AlarmLevel.LOW_LOW;
        }
        if (milli < low) {
            return AlarmLevel.LOW;
        }
        return AlarmLevel.NORMAL;
    }

    /** @return LL, or {@link Long#MIN_VALUE} if absent */
    public long lowLow() {
        return lowLow;
    }

    /** @return L, or {@link Long#MIN_VALUE} if absent */
    public long low() {
        return low;
    }

    /** @return H, or {@link Long#MAX_VALUE} if absent */
    public long high() {
        return high;
    }

    /** @return HH, or {@link Long#MAX_VALUE} if absent */
    public long highHigh() {
        return highHigh;
    }
}
