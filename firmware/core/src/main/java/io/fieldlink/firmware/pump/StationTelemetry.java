package io.fieldlink.firmware.pump;

/**
 * Station-level figures: storage-cascade pressure with a low-pressure alarm (with hysteresis),
 * and the business day's totals (grams, amount, number of sales), rolled at the day boundary, where
 * the closed day's totals are reported ({@link PumpEvents#dayClosed}; a jump of several days, e.g. the
 * wall clock being set at boot, reports the day left only when it had sales). The totals live in memory: a
 * reboot starts the day's totals again from zero (every sale is in the journal and reaches the host,
 * which keeps the books).
 * Allocation-free; event loop only.
 */
public final class StationTelemetry {
    private static final long DAY_MS = 86400000L;

    private final PumpEvents events;
    private final long lowMbar;
    private final long hysteresisMbar;
    private final long dayStartOffsetMs;

    private long pressureMbar = -1;
    private boolean storageLow;
    private long day = Long.MIN_VALUE;
    private long dayGrams;
    private long dayAmountMilli;
    private int daySales;
    private long prevDayGrams;
    private long prevDayAmountMilli;
    private int prevDaySales;

    StationTelemetry(PumpEvents events, long lowMbar, long hysteresisMbar, long dayStartOffsetMs) {
        this.events = events;
        this.lowMbar = lowMbar;
        this.hysteresisMbar = hysteresisMbar;
        this.dayStartOffsetMs = dayStartOffsetMs;
    }

    /** Takes a storage pressure sample; raises the alarm below the low limit, clears it above low + hysteresis. */
    public void storagePressure(long mbar, long nowMs) {
        pressureMbar = mbar;
        if (!storageLow && mbar < lowMbar) {
            storageLow = true;
            events.storageLow(true, mbar, nowMs);
        } else if (storageLow && mbar >= lowMbar + hysteresisMbar) {
            storageLow = false;
            events.storageLow(false, mbar, nowMs);
        }
    }

    /** Adds a finished sale to the totals of the business day its fill ended in. */
    void add(Sale sale) {
        rollTo(sale.endMs());
        dayGrams += sale.grams();
        dayAmountMilli += sale.amountMilli();
        daySales++;
    }

    /** Moves the totals to the business day of {@code nowMs}; the closed day becomes "previous". */
    public void rollTo(long nowMs) {
        long d = floorDiv(nowMs - dayStartOffsetMs, DAY_MS);
        if (d <= day) {
            return;
        }
        if (day != Long.MIN_VALUE && (d == day + 1 || daySales > 0)) {
            events.dayClosed(dayStartMs(), dayGrams, dayAmountMilli, daySales);
        }
        if (d == day + 1) {
            prevDayGrams = dayGrams;
            prevDayAmountMilli = dayAmountMilli;
            prevDaySales = daySales;
        } else {
            prevDayGrams = 0;
            prevDayAmountMilli = 0;
            prevDaySales = 0;
        }
        day = d;
        dayGrams = 0;
        dayAmountMilli = 0;
        daySales = 0;
    }

    private static long floorDiv(long a, long b) {
        long q = a / b;
        return (a % b != 0 && (a < 0)) ? q - 1 : q;
    }

    /** Last storage pressure, mbar, or -1 before the first sample. */
    public long pressureMbar() {
        return pressureMbar;
    }

    public boolean storageLow() {
        return storageLow;
    }

    /** Start of the current business day, epoch ms. */
    public long dayStartMs() {
        return day * DAY_MS + dayStartOffsetMs;
    }

    public long dayGrams() {
        return dayGrams;
    }

    public long dayAmountMilli() {
        return dayAmountMilli;
    }

    public int daySales() {
        return daySales;
    }

    public long previousDayGrams() {
        return prevDayGrams;
    }

    public long previousDayAmountMilli() {
        return prevDayAmountMilli;
    }

    public int previousDaySales() {
        return prevDaySales;
    }
}
