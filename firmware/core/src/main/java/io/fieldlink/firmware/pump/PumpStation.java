package io.fieldlink.firmware.pump;

import io.fieldlink.protocol.token.TokenVerifier;

/**
 * The pump board's app: scans booking tokens, authorises fills, meters them and keeps station
 * telemetry. The board wiring feeds it the console's {@code scan <token>} (or the QR reader), the
 * nozzle switch, flow-meter pulses, storage pressure and a periodic {@link #tick}; it reports through
 * {@link PumpEvents} (to the journal, and from there to the host exactly once).
 *
 * <p>Works offline indefinitely: tokens are verified locally, used tokens persist across reboots,
 * sales go to the journal. Event loop only; the sample path ({@link #pulses}, {@link #nozzle},
 * {@link #storagePressure}, {@link #tick}) allocates nothing except a {@link Sale} when a fill ends.
 */
public final class PumpStation {
    private final PumpSettings settings;
    private final PumpEvents events;
    private final BookingCheck check;
    private final Dispenser dispenser;
    private final StationTelemetry telemetry;

    /**
     * @param settings checked settings
     * @param verifier the protocol's token verifier with the issuer keys this station trusts
     * @param usedTokens persistent cell for the one-use memory (loaded here)
     * @param valve the dispenser valve (closed here)
     * @param events the journal side
     * @throws IllegalStateException when the used-token cell is corrupt
     */
    public PumpStation(PumpSettings settings, TokenVerifier verifier, PersistentCell usedTokens, ValveOutput valve,
            PumpEvents events) {
        if (settings == null || events == null) {
            throw new IllegalArgumentException("settings and events are required");
        }
        this.settings = settings;
        this.telemetry = new StationTelemetry(events, settings.storageLowMbar, settings.storageHysteresisMbar,
                settings.dayStartOffsetMs);
        this.events = new TotallingEvents(events, telemetry);
        this.check = new BookingCheck(verifier, settings.bookingRules(), usedTokens, settings.usedTokenCapacity);
        this.dispenser = new Dispenser(settings.pumpNumber, settings.pulsesPerKg, settings.authoriseTimeoutMs,
                settings.noFlowTimeoutMs, valve, this.events);
    }

    /**
     * Judges a scanned booking token; when accepted it is redeemed (persisted as used) and a fill of
     * its quantity is authorised. The verdict is also reported as an event.
     */
    public BookingVerdict scan(String text, long nowMs) {
        BookingVerdict v;
        if (dispenser.state() != DispenseState.IDLE) {
            BookingVerdict peek = check.verify(text, nowMs);
            v = new BookingVerdict(BookingReason.PUMP_BUSY, "fill in progress; scan again when idle", peek.claims(),
                    nowMs);
        } else {
            v = check.redeem(text, nowMs);
            if (v.accepted()) {
                dispenser.authorise(v.tokenId(), v.claims().quantityGrams(), settings.priceMilliPerKg, nowMs);
            }
        }
        events.tokenVerdict(v);
        return v;
    }

    /**
     * Authorises a walk-in fill (no token) up to the pump's maximum fill.
     *
     * @return false when the station does not allow walk-ins or a fill is in progress
     */
    public boolean walkIn(long nowMs) {
        if (!settings.walkInAllowed) {
            return false;
        }
        return dispenser.authorise(Sale.WALK_IN, settings.maxFillGrams, settings.priceMilliPerKg, nowMs);
    }

    /** Nozzle switch changed. */
    public void nozzle(boolean lifted, long nowMs) {
        dispenser.nozzle(lifted, nowMs);
    }

    /** Flow-meter pulses since the last call. */
    public void pulses(int count, long nowMs) {
        dispenser.pulses(count, nowMs);
    }

    /** Storage-cascade pressure sample, mbar. */
    public void storagePressure(long mbar, long nowMs) {
        telemetry.storagePressure(mbar, nowMs);
    }

    /** Stops the fill in progress, if any (console {@code stop}). */
    public void stop(long nowMs) {
        dispenser.cancel(nowMs);
    }

    /** Timeouts and the business-day roll; call at least once a second. */
    public void tick(long nowMs) {
        dispenser.tick(nowMs);
        telemetry.rollTo(nowMs);
    }

    public DispenseState state() {
        return dispenser.state();
    }

    /** Grams of the current (or last) fill. */
    public long fillGrams() {
        return dispenser.grams();
    }

    public StationTelemetry telemetry() {
        return telemetry;
    }

    /** Adds each sale to the day's totals before passing it on. */
    private static final class TotallingEvents implements PumpEvents {
        private final PumpEvents next;
        private final StationTelemetry telemetry;

        TotallingEvents(PumpEvents next, StationTelemetry telemetry) {
            this.next = next;
            this.telemetry = telemetry;
        }

        @Override
        public void tokenVerdict(BookingVerdict verdict) {
            next.tokenVerdict(verdict);
        }

        @Override
        public void sale(Sale sale) {
            telemetry.add(sale);
            next.sale(sale);
        }

        @Override
        public void unauthorisedFlow(int pulses, long nowMs) {
            next.unauthorisedFlow(pulses, nowMs);
        }

        @Override
        public void storageLow(boolean active, long pressureMbar, long nowMs) {
            next.storageLow(active, pressureMbar, nowMs);
        }

        @Override
        public void dayClosed(long dayStartMs, long grams, long amountMilli, int sales) {
            next.dayClosed(dayStartMs, grams, amountMilli, sales);
        }
    }
}
