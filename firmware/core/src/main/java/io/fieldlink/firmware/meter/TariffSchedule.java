package io.fieldlink.firmware.meter;

/**
 * The tariff in force plus the changes the host has scheduled (each with an effective-from
 * instant, kept in time order). {@link #advance(long)} makes due changes current. Not thread-safe.
 */
public final class TariffSchedule {

    /** Most scheduled changes kept at once. */
    public static final int MAX_PENDING = 4;

    private Tariff current;
    private long currentFrom;
    private final Tariff[] pending = new Tariff[MAX_PENDING];
    private final long[] pendingFrom = new long[MAX_PENDING];
    private int pendingCount;

    /** A schedule with {@code initial} in force since {@code fromMillis}. */
    public TariffSchedule(Tariff initial, long fromMillis) {
        if (initial == null) {
            throw new IllegalArgumentException("initial tariff is null");
        }
        this.current = initial;
        this.currentFrom = fromMillis;
    }

    /** The tariff in force (as of the last {@link #advance}). */
    public Tariff current() {
        return current;
    }

    /** When the current tariff took effect, epoch ms. */
    public long currentFrom() {
        return currentFrom;
    }

    /** Number of scheduled changes not yet in force. */
    public int pendingCount() {
        return pendingCount;
    }

    /** Scheduled change {@code i} (in time order). */
    public Tariff pending(int i) {
        return pending[i];
    }

    /** Effective-from instant of scheduled change {@code i}, epoch ms. */
    public long pendingFrom(int i) {
        return pendingFrom[i];
    }

    /**
     * Schedules {@code tariff} from {@code effectiveFromMillis}. A change at the same instant as a
     * pending one replaces it.
     *
     * @return false (and nothing changes) if {@link #MAX_PENDING} changes are already waiting
     */
    public boolean schedule(Tariff tariff, long effectiveFromMillis) {
        if (tariff == null) {
            throw new IllegalArgumentException("tariff is null");
        }
        for (int i = 0; i < pendingCount; i++) {
            if (pendingFrom[i] == effectiveFromMillis) {
                pending[i] = tariff;
                return true;
            }
        }
        if (pendingCount == MAX_PENDING) {
            return false;
        }
        int i = pendingCount;
        while (i > 0 && pendingFrom[i - 1] > effectiveFromMillis) {
            pending[i] = pending[i - 1];
            pendingFrom[i] = pendingFrom[i - 1];
            i--;
        }
        pending[i] = tariff;
        pendingFrom[i] = effectiveFromMillis;
        pendingCount++;
        return true;
    }

    /**
     * Makes every change due at {@code nowMillis} current. Allocation-free.
     *
     * @return whether the current tariff changed
     */
    public boolean advance(long nowMillis) {
        boolean changed = false;
        while (pendingCount > 0 && pendingFrom[0] <= nowMillis) {
            current = pending[0];
            currentFrom = pendingFrom[0];
            for (int i = 1; i < pendingCount; i++) {
                pending[i - 1] = pending[i];
                pendingFrom[i - 1] = pendingFrom[i];
            }
            pendingCount--;
            pending[pendingCount] = null;
            changed = true;
        }
        return changed;
    }
}
