package io.fieldlink.firmware.wellhead;

/**
 * Integrates oil, gas and water rates into whole litres per gas day, carrying
 * the sub-litre remainder so nothing is lost to rounding: over any run, the litres reported plus
 * the carried remainder equal the exact integral of the held rates. Each rate is held from its sample
 * until the next (zero-order hold); intervals are split at the gas-day boundary
 * ({@code dayStartOffsetMs} after UTC midnight, e.g. 06:00 local). An interval longer than
 * {@code maxGapMs} (board down, clock jump) or following a faulty sample is not integrated but counted
 * as unmeasured time; a gap that spans more than one gas-day boundary closes the day in progress
 * once and starts again at the start of the new day (the days in between are not reported). Negative rates count as zero. Each fluid has its own rate unit, given as
 * {@code rate units x milliseconds per litre}: {@link #LITRES_PER_DAY} (86,400,000) for litres per
 * day, 3,600,000,000 for milli-litres per hour, 3,600,000 for milli-m3 per hour.
 *
 * <p>Allocation-free; event loop only.
 */
public final class GasDayTotals {
    /** Index of oil in the rate arrays. */
    public static final int OIL = 0;
    /** Index of gas in the rate arrays. */
    public static final int GAS = 1;
    /** Index of water in the rate arrays. */
    public static final int WATER = 2;

    /** Divisor of a rate in litres per day. */
    public static final long LITRES_PER_DAY = 86400000L;

    private static final long DAY_MS = 86400000L;
    private static final long NONE = Long.MIN_VALUE;

    private final long dayStartOffsetMs;
    private final long maxGapMs;
    private final WellheadEvents events;

    private final long[] perLitre;
    private final long[] litres = new long[3];
    private final long[] remainder = new long[3];
    private final long[] heldRate = new long[3];
    private final boolean[] heldOk = new boolean[3];
    private long unmeasuredMs;
    private long lastMs = NONE;
    private long day;

    /**
     * @param dayStartOffsetMs gas-day start after UTC midnight, ms, in (-1 day, 1 day)
     * @param maxGapMs longest interval integrated, ms
     * @param events where closed days go
     * @param perLitre per fluid (OIL, GAS, WATER): rate units x ms that make one litre, &gt; 0
     */
    public GasDayTotals(long dayStartOffsetMs, long maxGapMs, WellheadEvents events, long[] perLitre) {
        if (perLitre.length != 3 || perLitre[0] <= 0 || perLitre[1] <= 0 || perLitre[2] <= 0) {
            throw new IllegalArgumentException("perLitre: need three positive divisors");
        }
        this.perLitre = perLitre.clone();
        if (dayStartOffsetMs <= -DAY_MS || dayStartOffsetMs >= DAY_MS) {
            throw new IllegalArgumentException("dayStartOffsetMs: not within a day");
        }
        if (maxGapMs <= 0) {
            throw new IllegalArgumentException("maxGapMs: must be > 0");
        }
        this.dayStartOffsetMs = dayStartOffsetMs;
        this.maxGapMs = maxGapMs;
        this.events = events;
    }

    /**
     * Takes one rate sample for a fluid; call {@link #advance} first for the sample time.
     *
     * @param fluid OIL, GAS or WATER
     * @param litresPerDay the rate, in the fluid's rate unit
     * @param ok false when the channel is faulty
     */
    public void rate(int fluid, long litresPerDay, boolean ok) {
        heldRate[fluid] = litresPerDay < 0 ? 0 : litresPerDay;
        heldOk[fluid] = ok;
    }

    /** Integrates the held rates up to {@code nowMs}, closing every gas day passed on the way. */
    public void advance(long nowMs) {
        if (lastMs == NONE || nowMs < lastMs) {
            lastMs = nowMs;
            day = dayOf(nowMs);
            return;
        }
        boolean measured = nowMs - lastMs <= maxGapMs;
        if (!measured && dayOf(nowMs) > day + 1) {
            // a long outage or a clock jump: close the day in progress once, then start afresh at
            // the new day's start instead of reporting every empty day in between
            long boundary = (day + 1) * DAY_MS + dayStartOffsetMs;
            add(boundary - lastMs, false);
            closeDay();
            day = dayOf(nowMs);
            lastMs = day * DAY_MS + dayStartOffsetMs;
        }
        while (dayOf(nowMs) > day) {
            long boundary = (day + 1) * DAY_MS + dayStartOffsetMs;
            add(boundary - lastMs, measured);
            closeDay();
            lastMs = boundary;
            day++;
        }
        add(nowMs - lastMs, measured);
        lastMs = nowMs;
    }

    private void closeDay() {
        events.dailyProduction(day * DAY_MS + dayStartOffsetMs, litres[OIL], litres[GAS], litres[WATER], unmeasuredMs);
        litres[OIL] = 0;
        litres[GAS] = 0;
        litres[WATER] = 0;
        unmeasuredMs = 0;
    }

    private void add(long dtMs, boolean measured) {
        boolean any = false;
        for (int f = 0; f < 3; f++) {
            if (measured && heldOk[f]) {
                remainder[f] += heldRate[f] * dtMs;
                litres[f] += remainder[f] / perLitre[f];
                remainder[f] %= perLitre[f];
            } else {
                any = true;
            }
        }
        if (any) {
            unmeasuredMs += dtMs;
        }
    }

    private long dayOf(long ms) {
        long a = ms - dayStartOffsetMs;
        long q = a / DAY_MS;
        return (a % DAY_MS != 0 && a < 0) ? q - 1 : q;
    }

    /** @return litres of the fluid so far in the current gas day */
    public long todayLitres(int fluid) {
        return litres[fluid];
    }

    /** @return the carried remainder of the fluid, in rate units x ms (less than its per-litre divisor) */
    public long remainder(int fluid) {
        return remainder[fluid];
    }

    /** @return start of the current gas day, epoch ms (meaningful after the first {@link #advance}) */
    public long dayStartMs() {
        return day * DAY_MS + dayStartOffsetMs;
    }
}
