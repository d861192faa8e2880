package io.fieldlink.firmware.meter;

import io.fieldlink.protocol.memory.BufferPool;

/**
 * One prepaid electricity meter: integrates energy from samples, charges it under the time-of-use
 * tariff, takes credit tokens, lends emergency credit, drives the relay by the rules below, and
 * commits its {@link MeterState} to a {@link MeterStore} write-ahead: every change of money, token
 * memory, tamper or relay is committed before its event is reported, and a commit cut by power loss
 * leaves the previous snapshot, so a reboot at any instant neither loses nor doubles money.
 * Charged consumption waits in RAM at most {@code persistIntervalMillis} before it is committed,
 * and no longer than the next {@link #persist} (the app calls it before reporting a reading).
 *
 * <p>Relay: open while any reason holds — {@link #RELAY_NO_CREDIT} (balance ≤ 0 outside friendly
 * credit hours; emergency credit, once taken, is part of the balance), {@link #RELAY_TAMPER}
 * (a tamper bit is latched and the config says tamper disconnects; cleared only by
 * {@link #clearTamper}), {@link #RELAY_OVERLOAD} (power above the maximum, for the lockout time).
 *
 * <p>Lifecycle: construct, {@link #boot}, then feed {@link #onSample} and commands from one event
 * loop. Not thread-safe. A steady-state {@link #onSample} allocates nothing. Times are epoch ms.
 */
public final class Meter {

    /** Relay open reason: no credit. */
    public static final int RELAY_NO_CREDIT = 1;
    /** Relay open reason: tamper latched. */
    public static final int RELAY_TAMPER = 2;
    /** Relay open reason: maximum-power trip. */
    public static final int RELAY_OVERLOAD = 4;
    /** Tamper input: terminal cover opened. */
    public static final int TAMPER_COVER_OPEN = 1;
    /** Tamper input: magnetic field. */
    public static final int TAMPER_MAGNETIC = 2;
    /** Every tamper bit. */
    public static final int TAMPER_ALL = 3;
    /** Most days of fixed charges taken at once after a gap (a clock jump must not drain a balance). */
    public static final int MAX_FIXED_CHARGE_CATCH_UP_DAYS = 31;

    private final MeterConfig config;
    private final MeterStore store;
    private final CreditTokenCheck tokenCheck;
    private final MeterEventQueue events;
    /** Lends the snapshot buffer for the duration of one load or commit. */
    private final BufferPool buffers;
    private final MeterSample lastSample = new MeterSample();
    private MeterState state;
    private long lastSampleMillis;
    private long lastCommitMillis;
    private boolean dirty;
    private boolean mustCommit;
    private int relayOpen = -1;
    private int warned;
    /** The energy price of the local hour {@link #priceHour} under {@link #priceTariff} (bands are whole hours). */
    private Tariff priceTariff;
    private long priceHour = Long.MIN_VALUE;
    private long price;

    /** A meter; nothing happens until {@link #boot}. */
    public Meter(MeterConfig config, MeterStore store, CreditTokenCheck tokenCheck, MeterEvents events) {
        this(config, store, tokenCheck, events, new BufferPool());
    }

    /**
     * A meter that borrows its snapshot buffer ({@link MeterSnapshot#MAX_SIZE} bytes) from
     * {@code buffers} for each load and commit instead of keeping one; nothing happens until {@link #boot}.
     */
    public Meter(MeterConfig config, MeterStore store, CreditTokenCheck tokenCheck, MeterEvents events,
            BufferPool buffers) {
        if (config == null || store == null || tokenCheck == null || events == null) {
            throw new IllegalArgumentException("config, store, tokenCheck and events are required");
        }
        this.config = config;
        this.store = store;
        this.tokenCheck = tokenCheck;
        this.events = new MeterEventQueue(events);
        this.buffers = buffers;
    }

    /**
     * Restores the committed snapshot (or starts a factory-fresh meter), takes what is due at
     * {@code nowMillis}, commits, and reports {@link MeterEventKind#BOOTED} and the relay state.
     *
     * @throws IllegalStateException if already booted, or if the stored snapshot cannot be read
     *         (the meter never silently resets money)
     */
    public void boot(long nowMillis) {
        if (state != null) {
            throw new IllegalStateException("meter already booted");
        }
        byte[] buffer = buffers.borrow(MeterSnapshot.MAX_SIZE);
        int len;
        try {
            len = store.load(buffer);
            if (len >= 0) {
                try {
                    state = MeterSnapshot.decode(buffer, len);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("stored meter snapshot unreadable: " + e.getMessage(), e);
                }
            }
        } finally {
            buffers.giveBack(buffer);
        }
        if (len < 0) {
            state = new MeterState(config.initialTariff, nowMillis, day(nowMillis));
        }
        lastSampleMillis = nowMillis;
        warned = crossedThresholds();
        events.add(MeterEventKind.BOOTED, nowMillis, state.ledger.balance(), null);
        settle(nowMillis);
        commitAndReport(nowMillis);
    }

    /**
     * One sample cycle: integrates {@code sample.activePowerMilliwatts} since the previous sample
     * (gaps are clamped to {@code maxSampleGapMillis}), charges completed Wh at the price now in
     * force, applies due tariff changes and fixed charges, checks the maximum power, warnings and the
     * relay, and commits when needed. Allocation-free in the steady state.
     */
    public void onSample(MeterSample sample, long nowMillis) {
        requireBooted();
        long dt = nowMillis - lastSampleMillis;
        if (dt > config.maxSampleGapMillis) {
            dt = config.maxSampleGapMillis;
        }
        if (nowMillis > lastSampleMillis) {
            lastSampleMillis = nowMillis;
        }
        lastSample.copyFrom(sample);
        if (state.tariffs.advance(nowMillis)) {
            events.add(MeterEventKind.TARIFF_CHANGED, nowMillis, state.tariffs.current().id(), null);
            mustCommit = true;
        }
        long power = sample.activePowerMilliwatts;
        if (power > 0 && dt > 0) {
            long wh = state.energy.add(power, dt);
            if (wh > 0) {
                state.ledger.chargeEnergy(wh, energyPrice(nowMillis));
            }
            dirty = true;
        }
        if (config.maxPowerMilliwatts > 0 && power > config.maxPowerMilliwatts && state.tripUntilMillis == 0) {
            state.tripUntilMillis = nowMillis + Math.max(1, config.tripLockoutMillis);
            events.add(MeterEventKind.OVERLOAD_TRIP, nowMillis, power, null);
            mustCommit = true;
        }
        settle(nowMillis);
        if (mustCommit || (dirty && nowMillis - lastCommitMillis >= config.persistIntervalMillis)) {
            commitAndReport(nowMillis);
        } else {
            events.flush();
        }
    }

    /**
     * Redeems a credit token (typed on the console or pushed by the host). Every attempt is reported
     * as a {@link MeterEventKind#CREDIT} event with its verdict. An accepted token's id and amount
     * are committed together with the balance before this returns.
     *
     * @return the verdict: OK with id and amount, or the refusal (including "replayed", "over-limit")
     */
    public CreditClaim redeem(String token, long nowMillis) {
        requireBooted();
        CreditClaim claim = tokenCheck.check(token, nowMillis);
        if (claim == null) {
            claim = CreditClaim.refused(CreditClaim.MALFORMED);
        } else if (claim.isOk() && !state.tokens.isFresh(claim.tokenId())) {
            claim = CreditClaim.refused(CreditClaim.REPLAYED);
        } else if (claim.isOk() && (claim.amount() <= 0 || claim.amount() > config.maxCreditAmount)) {
            claim = CreditClaim.refused(CreditClaim.OVER_LIMIT);
        }
        if (!claim.isOk()) {
            events.add(MeterEventKind.CREDIT, nowMillis, 0, claim.reason());
            events.flush();
            return claim;
        }
        state.tokens.markUsed(claim.tokenId());
        long repaid = state.ledger.credit(claim.amount());
        events.add(MeterEventKind.CREDIT, nowMillis, claim.amount(), CreditClaim.OK);
        if (repaid > 0) {
            events.add(MeterEventKind.EMERGENCY_REPAID, nowMillis, repaid, null);
        }
        settle(nowMillis);
        commitAndReport(nowMillis);
        return claim;
    }

    /**
     * Commits charged consumption still waiting in RAM (nothing when there is none): before a value
     * is reported, so what the host has been told survives a power cut.
     */
    public void persist(long nowMillis) {
        requireBooted();
        if (dirty || mustCommit) {
            commitAndReport(nowMillis);
        }
    }

    /** Whether emergency credit is on offer: configured, none owed, balance under the threshold. */
    public boolean emergencyCreditAvailable() {
        requireBooted();
        return config.emergencyCreditAmount > 0 && state.ledger.emergencyOwed() == 0
                && state.ledger.balance() < config.emergencyThreshold;
    }

    /**
     * Takes emergency credit if {@link #emergencyCreditAvailable() available}.
     *
     * @return whether it was lent
     */
    public boolean takeEmergencyCredit(long nowMillis) {
        if (!emergencyCreditAvailable()) {
            return false;
        }
        state.ledger.advanceEmergency(config.emergencyCreditAmount);
        events.add(MeterEventKind.EMERGENCY_TAKEN, nowMillis, config.emergencyCreditAmount, null);
        settle(nowMillis);
        commitAndReport(nowMillis);
        return true;
    }

    /** A tamper input fired ({@link #TAMPER_COVER_OPEN}, {@link #TAMPER_MAGNETIC}); latches until cleared. */
    public void tamper(int bits, long nowMillis) {
        requireBooted();
        int rising = bits & TAMPER_ALL & ~state.tamperLatched;
        if (rising == 0) {
            return;
        }
        state.tamperLatched |= rising;
        events.add(MeterEventKind.TAMPER, nowMillis, rising, null);
        settle(nowMillis);
        commitAndReport(nowMillis);
    }

    /**
     * A technician clears every latched tamper bit.
     *
     * @return the bits that were latched (0 if none)
     */
    public int clearTamper(long nowMillis) {
        requireBooted();
        int was = state.tamperLatched;
        if (was == 0) {
            return 0;
        }
        state.tamperLatched = 0;
        events.add(MeterEventKind.TAMPER_CLEARED, nowMillis, was, null);
        settle(nowMillis);
        commitAndReport(nowMillis);
        return was;
    }

    /**
     * The host schedules {@code tariff} from {@code effectiveFromMillis} (a past instant takes effect now).
     *
     * @return false if the schedule is full ({@link TariffSchedule#MAX_PENDING})
     */
    public boolean scheduleTariff(Tariff tariff, long effectiveFromMillis, long nowMillis) {
        requireBooted();
        boolean ok = state.tariffs.schedule(tariff, effectiveFromMillis);
        events.add(MeterEventKind.TARIFF_SCHEDULED, nowMillis, tariff.id(), ok ? "ok" : "full");
        if (ok && state.tariffs.advance(nowMillis)) {
            events.add(MeterEventKind.TARIFF_CHANGED, nowMillis, state.tariffs.current().id(), null);
        }
        settle(nowMillis);
        commitAndReport(nowMillis);
        return ok;
    }

    /** Balance in milli-units (negative while in debt). */
    public long balance() {
        requireBooted();
        return state.ledger.balance();
    }

    /** Copies the ledger counters into {@code into}; returns it. */
    public PrepaidLedger ledger(PrepaidLedger into) {
        requireBooted();
        into.copyFrom(state.ledger);
        return into;
    }

    /** Whether the relay is closed (supply on). */
    public boolean relayClosed() {
        requireBooted();
        return relayOpen == 0;
    }

    /** The RELAY_* reasons the relay is open for (0 when closed). */
    public int relayOpenReasons() {
        requireBooted();
        return relayOpen;
    }

    /** Energy register, Wh. */
    public long energyWh() {
        requireBooted();
        return state.energy.totalWh();
    }

    /** Latched tamper bits. */
    public int tamperLatched() {
        requireBooted();
        return state.tamperLatched;
    }

    /** Emergency credit owed. */
    public long emergencyOwed() {
        requireBooted();
        return state.ledger.emergencyOwed();
    }

    /** The tariff in force. */
    public Tariff currentTariff() {
        requireBooted();
        return state.tariffs.current();
    }

    /** Scheduled tariff changes not yet in force. */
    public int pendingTariffCount() {
        requireBooted();
        return state.tariffs.pendingCount();
    }

    /** Effective-from of scheduled change {@code i}, epoch ms. */
    public long pendingTariffFrom(int i) {
        requireBooted();
        return state.tariffs.pendingFrom(i);
    }

    /** Scheduled change {@code i}. */
    public Tariff pendingTariff(int i) {
        requireBooted();
        return state.tariffs.pending(i);
    }

    /** Highest redeemed credit token id, or -1. */
    public long highestTokenId() {
        requireBooted();
        return state.tokens.highest();
    }

    /** Copies the last sample into {@code into}; returns it. */
    public MeterSample lastSample(MeterSample into) {
        into.copyFrom(lastSample);
        return into;
    }

    /** The configuration. */
    public MeterConfig config() {
        return config;
    }

    /** Whether the instant is in a friendly-credit period. */
    public boolean isFriendly(long nowMillis) {
        return config.friendlyCredit.contains(nowMillis, config.utcOffsetSeconds);
    }

    private void settle(long now) {
        if (state.tariffs.advance(now)) {
            events.add(MeterEventKind.TARIFF_CHANGED, now, state.tariffs.current().id(), null);
            mustCommit = true;
        }
        long today = day(now);
        if (today > state.lastFixedChargeDay) {
            long days = Math.min(today - state.lastFixedChargeDay, MAX_FIXED_CHARGE_CATCH_UP_DAYS);
            long amount = days * state.tariffs.current().dailyFixedCharge();
            if (amount > 0) {
                state.ledger.chargeFixed(amount);
                events.add(MeterEventKind.FIXED_CHARGE, now, amount, null);
            }
            state.lastFixedChargeDay = today;
            mustCommit = true;
        }
        if (state.tripUntilMillis != 0 && now >= state.tripUntilMillis) {
            state.tripUntilMillis = 0;
            mustCommit = true;
        }
        warn(now);
        updateRelay(now);
    }

    private void warn(long now) {
        int crossed = crossedThresholds();
        if (crossed < warned) {
            warned = crossed;
        } else if (crossed > warned && !isFriendly(now)) {
            for (int i = warned; i < crossed; i++) {
                events.add(MeterEventKind.LOW_CREDIT, now, config.lowCreditThresholds[i], null);
            }
            warned = crossed;
        }
    }

    private int crossedThresholds() {
        long b = state.ledger.balance();
        int n = 0;
        while (n < config.lowCreditThresholds.length && b < config.lowCreditThresholds[n]) {
            n++;
        }
        return n;
    }

    private void updateRelay(long now) {
        int reasons = 0;
        if (state.ledger.balance() <= 0 && !isFriendly(now)) {
            reasons |= RELAY_NO_CREDIT;
        }
        if (config.tamperDisconnects && state.tamperLatched != 0) {
            reasons |= RELAY_TAMPER;
        }
        if (state.tripUntilMillis != 0) {
            reasons |= RELAY_OVERLOAD;
        }
        if (reasons == relayOpen) {
            return;
        }
        boolean report = relayOpen == -1 || (relayOpen == 0) != (reasons == 0);
        relayOpen = reasons;
        if (report) {
            events.add(reasons == 0 ? MeterEventKind.RELAY_CLOSED : MeterEventKind.RELAY_OPENED, now, reasons, null);
        }
        mustCommit = true;
    }

    private void commitAndReport(long now) {
        byte[] buffer = buffers.borrow(MeterSnapshot.MAX_SIZE);
        try {
            store.commit(buffer, MeterSnapshot.encode(state, buffer));
        } catch (RuntimeException e) {
            events.clear();
            rollBack(buffer);
            throw e;
        } finally {
            buffers.giveBack(buffer);
        }
        lastCommitMillis = now;
        dirty = false;
        mustCommit = false;
        events.flush();
    }

    /**
     * After a failed commit, goes back to the committed state, read from the store (which keeps its
     * committed copy intact through a failed write). If even that fails the engine stops: every later
     * call throws {@link IllegalStateException} until the board boots again.
     */
    private void rollBack(byte[] buffer) {
        MeterState restored = null;
        try {
            int n = store.load(buffer);
            restored = n >= 0 ? MeterSnapshot.decode(buffer, n) : null;
        } catch (RuntimeException again) {
            restored = null;
        }
        state = restored;
    }

    /** @return the price in force at {@code now}, looked up once per local hour and tariff */
    private long energyPrice(long now) {
        Tariff t = state.tariffs.current();
        long hour = WeekClock.floorDiv(now + config.utcOffsetSeconds * 1000L, 3600000L);
        if (t != priceTariff || hour != priceHour) {
            price = t.priceAt(now, config.utcOffsetSeconds);
            priceTariff = t;
            priceHour = hour;
        }
        return price;
    }

    private long day(long millis) {
        return WeekClock.day(millis, config.utcOffsetSeconds);
    }

    private void requireBooted() {
        if (state == null) {
            throw new IllegalStateException("meter not booted");
        }
    }
}
