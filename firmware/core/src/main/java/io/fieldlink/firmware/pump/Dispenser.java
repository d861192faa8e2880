package io.fieldlink.firmware.pump;

/**
 * One dispensing point: authorise a fill up to a limit, open the valve when the nozzle is lifted,
 * count meter pulses into grams, and close the valve when the next pulse would exceed the limit,
 * at nozzle hang-up, or at a timeout; then report the {@link Sale}.
 *
 * <p>With whole-gram pulses (1000 divisible by pulses per kg) and a limit that is a whole number of
 * pulses, a fill stops at exactly the limit. In general it stops at the largest pulse boundary not
 * above the limit and never above it (pulses after the valve closed are reported as unauthorised flow).
 *
 * <p>Event loop only. {@link #pulses}, {@link #nozzle} and {@link #tick} allocate nothing; the end of a
 * fill allocates its {@link Sale}.
 */
public final class Dispenser {
    private final int pump;
    private final ValveOutput valve;
    private final PumpEvents events;
    private final MassCounter counter;
    private final long authoriseTimeoutMs;
    private final long noFlowTimeoutMs;

    private DispenseState state = DispenseState.IDLE;
    private long tokenId = Sale.WALK_IN;
    private long limitGrams;
    private long priceMilliPerKg;
    private long authorisedAtMs;
    private long lastFlowMs;
    private boolean nozzleLifted;

    /**
     * @param pump pump number, reported in sales
     * @param pulsesPerKg meter constant from the board file
     * @param authoriseTimeoutMs how long an authorised fill waits for the nozzle
     * @param noFlowTimeoutMs how long a fill may see no pulse before it is stopped
     * @param valve the solenoid valve; closed here at construction
     * @param events where sales and flow anomalies go
     */
    public Dispenser(int pump, int pulsesPerKg, long authoriseTimeoutMs, long noFlowTimeoutMs, ValveOutput valve,
            PumpEvents events) {
        if (valve == null || events == null) {
            throw new IllegalArgumentException("valve and events are required");
        }
        if (authoriseTimeoutMs <= 0 || noFlowTimeoutMs <= 0) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        this.pump = pump;
        this.counter = new MassCounter(pulsesPerKg);
        this.authoriseTimeoutMs = authoriseTimeoutMs;
        this.noFlowTimeoutMs = noFlowTimeoutMs;
        this.valve = valve;
        this.events = events;
        valve.setOpen(false);
    }

    /**
     * Authorises a fill.
     *
     * @param bookingId the redeemed booking's id, or {@link Sale#WALK_IN}
     * @param limitGrams the most this fill may deliver, &gt; 0
     * @param priceMilliPerKg unit price for the sale record
     * @return false (nothing changes) when a fill is already authorised or running
     */
    public boolean authorise(long bookingId, long limitGrams, long priceMilliPerKg, long nowMs) {
        if (limitGrams <= 0) {
            throw new IllegalArgumentException("limitGrams: not positive");
        }
        if (state != DispenseState.IDLE) {
            return false;
        }
        this.tokenId = bookingId;
        this.limitGrams = limitGrams;
        this.priceMilliPerKg = priceMilliPerKg;
        this.authorisedAtMs = nowMs;
        counter.reset();
        state = DispenseState.AUTHORISED;
        if (nozzleLifted) {
            start(nowMs);
        }
        return true;
    }

    /** Reports the nozzle switch: lifting it starts an authorised fill, hanging it up ends a running one. */
    public void nozzle(boolean lifted, long nowMs) {
        nozzleLifted = lifted;
        if (lifted && state == DispenseState.AUTHORISED) {
            start(nowMs);
        } else if (!lifted && state == DispenseState.DISPENSING) {
            finish(StopReason.HANG_UP, nowMs);
        }
    }

    /** Counts flow-meter pulses seen since the last call, one at a time against the limit. */
    public void pulses(int count, long nowMs) {
        int i = 0;
        while (i < count && state == DispenseState.DISPENSING) {
            counter.pulse();
            i++;
            lastFlowMs = nowMs;
            if (counter.gramsAfterNextPulse() > limitGrams) {
                finish(StopReason.LIMIT, nowMs);
            }
        }
        if (i < count) {
            events.unauthorisedFlow(count - i, nowMs);
        }
    }

    /** Applies the timeouts; call at least once a second. */
    public void tick(long nowMs) {
        if (state == DispenseState.AUTHORISED && nowMs - authorisedAtMs >= authoriseTimeoutMs) {
            finish(StopReason.NOT_STARTED, nowMs);
        } else if (state == DispenseState.DISPENSING && nowMs - lastFlowMs >= noFlowTimeoutMs) {
            finish(StopReason.NO_FLOW, nowMs);
        }
    }

    /** Ends an authorised or running fill now (console stop, station emergency). No-op when idle. */
    public void cancel(long nowMs) {
        if (state != DispenseState.IDLE) {
            finish(StopReason.CANCELLED, nowMs);
        }
    }

    public DispenseState state() {
        return state;
    }

    /** Grams delivered in the current (or last) fill. */
    public long grams() {
        return counter.grams();
    }

    public long limitGrams() {
        return limitGrams;
    }

    private void start(long nowMs) {
        state = DispenseState.DISPENSING;
        lastFlowMs = nowMs;
        if (counter.gramsAfterNextPulse() > limitGrams) {
            finish(StopReason.LIMIT, nowMs);
            return;
        }
        valve.setOpen(true);
    }

    private void finish(StopReason why, long nowMs) {
        valve.setOpen(false);
        state = DispenseState.IDLE;
        long grams = counter.grams();
        if (tokenId != Sale.WALK_IN || grams > 0) {
            events.sale(new Sale(tokenId, pump, grams, priceMilliPerKg, authorisedAtMs, nowMs, why));
        }
    }
}
