package io.fieldlink.firmware.wellhead;

/**
 * Decides which samples become reports: the first of each channel, one that moved more than the
 * channel's deadband away from the last reported value, or any once the channel's integrity period
 * has run out since its last report. Counts reports per channel. Allocation-free; event loop only.
 */
public final class ReportByException {
    /** The channels (deadband, integrity period): immutable, shared with the board's settings. */
    private final ChannelSpec[] specs;
    private final long[] lastValue;
    private final long[] lastAtMs;
    private final boolean[] reported;
    private final int[] count;

    /** @param specs the channels, in index order */
    public ReportByException(ChannelSpec[] specs) {
        int n = specs.length;
        this.specs = specs.clone();
        lastValue = new long[n];
        lastAtMs = new long[n];
        reported = new boolean[n];
        count = new int[n];
    }

    /**
     * Offers a good sample.
     *
     * @return true when it must be reported; it is then the channel's new reference value
     */
    public boolean offer(int channel, long value, long nowMs) {
        long moved = value - lastValue[channel];
        if (moved < 0) {
            moved = -moved;
        }
        ChannelSpec spec = specs[channel];
        if (reported[channel] && moved <= spec.deadband && nowMs - lastAtMs[channel] < spec.integrityMs) {
            return false;
        }
        reported[channel] = true;
        lastValue[channel] = value;
        lastAtMs[channel] = nowMs;
        count[channel]++;
        return true;
    }

    /** @return how many reports the channel has produced */
    public int reports(int channel) {
        return count[channel];
    }

    /** @return the last reported value of the channel (0 before the first) */
    public long lastReported(int channel) {
        return lastValue[channel];
    }
}
