package io.fieldlink.firmware.wellhead;

/**
 * The high/low pressure shut-in (API RP 14C PSH / PSL): when the pressure stays at or above PSH,
 * or at or below PSL, for longer than the debounce, the safety valve closes and the latch holds it
 * closed. It reopens only on a reset that is authorised ({@link ShutInAuthority}) AND made while the
 * condition has cleared (last sample healthy and strictly between PSL and PSH); any other request
 * changes nothing.
 *
 * <p>The valve is closed at construction; when not latched it opens at the first healthy in-range
 * sample. A latch restored at boot keeps the valve closed. A faulty pressure sensor never opens the
 * valve and blocks a reset, but does not by itself trip. Allocation-free; event loop only.
 */
public final class ShutInLatch {
    private static final long NONE = Long.MIN_VALUE;

    private final long psl;
    private final long psh;
    private final long debounceMs;
    private final SafetyValve valve;
    private final ShutInAuthority authority;
    private final WellheadEvents events;

    private boolean latched;
    private boolean valveOpen;
    private long pendingSince = NONE;
    private boolean lastHealthy;
    private long lastPressure;

    /**
     * @param psl pressure safety low, channel units
     * @param psh pressure safety high, channel units; &gt; psl
     * @param debounceMs how long PSH or PSL must hold before the trip
     * @param valve the safety valve (closed here)
     * @param authority judges reset credentials
     * @param events where trips and reset answers go
     * @param latchedAtBoot true when the journal says the well was shut in before the reboot
     */
    public ShutInLatch(long psl, long psh, long debounceMs, SafetyValve valve, ShutInAuthority authority,
            WellheadEvents events, boolean latchedAtBoot) {
        if (psl >= psh) {
            throw new IllegalArgumentException("psl must be below psh");
        }
        if (debounceMs < 0) {
            throw new IllegalArgumentException("debounceMs: negative");
        }
        if (valve == null || authority == null || events == null) {
            throw new IllegalArgumentException("valve, authority and events are required");
        }
        this.psl = psl;
        this.psh = psh;
        this.debounceMs = debounceMs;
        this.valve = valve;
        this.authority = authority;
        this.events = events;
        this.latched = latchedAtBoot;
        valve.setOpen(false);
    }

    /** Takes a pressure sample; {@code healthy} false when the sensor read failed (value then ignored). */
    public void evaluate(long pressure, boolean healthy, long nowMs) {
        lastHealthy = healthy;
        if (!healthy) {
            pendingSince = NONE;
            return;
        }
        lastPressure = pressure;
        boolean abnormal = pressure >= psh || pressure <= psl;
        if (!abnormal) {
            pendingSince = NONE;
            if (!latched && !valveOpen) {
                open(true);
            }
            return;
        }
        if (latched) {
            return;
        }
        if (pendingSince == NONE) {
            pendingSince = nowMs;
        }
        if (nowMs - pendingSince >= debounceMs) {
            latched = true;
            pendingSince = NONE;
            open(false);
            events.shutIn(pressure >= psh ? ShutInCause.PSH : ShutInCause.PSL, pressure, nowMs);
        }
    }

    /**
     * Answers a reset request; the answer is also reported as an event.
     *
     * @return RESET (valve reopened), or why nothing changed
     */
    public ResetOutcome reset(ResetRequest request, long nowMs) {
        ResetOutcome outcome;
        if (!latched) {
            outcome = ResetOutcome.NOT_LATCHED;
        } else if (!authority.authorises(request)) {
            outcome = ResetOutcome.REFUSED_UNAUTHORISED;
        } else if (!conditionCleared()) {
            outcome = ResetOutcome.REFUSED_CONDITION_PRESENT;
        } else {
            latched = false;
            open(true);
            outcome = ResetOutcome.RESET;
        }
        events.shutInReset(outcome, request.source(), request.principal(), nowMs);
        return outcome;
    }

    /** @return true while shut in and latched */
    public boolean latched() {
        return latched;
    }

    /** @return whether the valve is currently commanded open */
    public boolean valveOpen() {
        return valveOpen;
    }

    private boolean conditionCleared() {
        return lastHealthy && lastPressure > psl && lastPressure < psh;
    }

    private void open(boolean open) {
        valveOpen = open;
        valve.setOpen(open);
    }
}
