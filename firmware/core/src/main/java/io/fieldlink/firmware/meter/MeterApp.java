package io.fieldlink.firmware.meter;

import io.fieldlink.firmware.hal.LogLevel;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.kernel.BoardConfig;
import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.kernel.Readings;
import io.fieldlink.firmware.uplink.Uplink;
import io.fieldlink.protocol.token.TokenVerifier;

/**
 * The prepaid meter as a board app (board definition {@code meter}): each sample tick feeds the
 * {@code voltage}, {@code current}, {@code power_factor}, {@code frequency} and {@code active_power}
 * channels to {@link Meter#onSample}, latches the {@code tamper} input (cover) on its rising edge and
 * drives the {@code relay} output: 1 closed (supply on, also the board's safe value, so a reboot
 * does not cut the supply before the meter decides), 0 open. Meter events go into the journal as
 * uplink records ({@link MeterJournal}); the balance/active_power/energy/charged pack every telemetry
 * interval ({@code active_power} = the mean of the samples since the previous pack, W). The charges
 * a pack reports are committed before it is journaled, so a power cut never takes back money the
 * host has been told about. Packs wait for the uplink's next scheduled report ({@code report_interval})
 * unless the board config key {@value #PUSH_READINGS} is true; events go at once either way
 * ({@link MeterJournal}). A change of {@value #PUSH_READINGS} applies at once.
 *
 * <p>The engine runs on wall time (tariffs, daily charges), so it starts at the first tick after the
 * wall clock is known (the host's hello answer); until then the relay keeps its boot value.
 * Console: {@code balance}, {@code relay}, {@code tariff}, {@code tamper} (read-only);
 * {@code credit <token>}, {@code emergency}, {@code tamper clear} (login). Host commands: see
 * {@link MeterHostCommands}. Event-loop thread only.
 */
public final class MeterApp implements BoardApp {
    /** The relay output's value when closed (supply on). */
    public static final long RELAY_CLOSED = 1;
    /** The relay output's value when open (supply cut). */
    public static final long RELAY_OPEN = 0;
    /** The board config key (bool): periodic packs ask the uplink to report at once, like events. */
    public static final String PUSH_READINGS = "push_readings";

    private final MeterConfig fixedConfig;
    private final TokenVerifier verifier;
    private final long telemetryIntervalMillis;
    private final MeterSample sample = new MeterSample();
    private final PrepaidLedger ledgerView = new PrepaidLedger();
    private BoardContext context;
    private MeterConfig config;
    private BoardCreditTokens tokens;
    private MeterJournal journal;
    private Meter pending;
    private Meter meter;
    private int voltage;
    private int current;
    private int powerFactor;
    private int frequency;
    private int activePower;
    private int tamper;
    private boolean tamperHigh;
    private long relayOut = -1;
    private long nextTelemetry;
    private long powerSumMilliwatts;
    private long powerSamples;

    /**
     * A meter whose rules come from the board configuration at every boot ({@link BoardMeterConfig}).
     *
     * @param verifier checks credit tokens against the trusted issuers
     * @param telemetryIntervalMillis time between balance/energy packs, &gt; 0
     */
    public MeterApp(TokenVerifier verifier, long telemetryIntervalMillis) {
        this(null, verifier, telemetryIntervalMillis);
    }

    /**
     * @param config the meter's tariff, credit and relay rules, or null to read them from the board
     *     configuration at boot
     * @param verifier checks credit tokens against the trusted issuers
     * @param telemetryIntervalMillis time between balance/energy packs, &gt; 0
     */
    public MeterApp(MeterConfig config, TokenVerifier verifier, long telemetryIntervalMillis) {
        if (telemetryIntervalMillis <= 0) {
            throw new IllegalArgumentException("telemetry interval must be positive: " + telemetryIntervalMillis);
        }
        this.fixedConfig = config;
        this.verifier = verifier;
        this.telemetryIntervalMillis = telemetryIntervalMillis;
    }

    @Override
    public void boot(BoardContext ctx) {
        context = ctx;
        config = fixedConfig != null ? fixedConfig : BoardMeterConfig.from(ctx.config());
        meter = null;
        relayOut = -1;
        tamperHigh = false;
        tokens = new BoardCreditTokens(verifier, ctx.deviceId(), config.maxCreditAmount);
        final Uplink uplink = ctx.uplink();
        journal = new MeterJournal(ctx.journal(), uplink, ctx.log(), tokens);
        final BoardConfig boardConfig = ctx.config();
        journal.pushReadings(boardConfig.has(PUSH_READINGS) && boardConfig.getLong(PUSH_READINGS) != 0);
        boardConfig.addListener(new BoardConfig.ConfigListener() {
            @Override
            public void configChanged(String key, String value) {
                if (!PUSH_READINGS.equals(key)) {
                    return;
                }
                journal.pushReadings(boardConfig.getLong(PUSH_READINGS) != 0);
                if (journal.pushesReadings() && uplink != null && context.journal().unackedCount() > 0) {
                    uplink.reportNow();
                }
            }
        });
        pending = new Meter(config, new JournalMeterStore(ctx.journal()), tokens, journal, ctx.buffers());
        Readings r = ctx.readings();
        voltage = r.indexOf("voltage");
        current = r.indexOf("current");
        powerFactor = r.indexOf("power_factor");
        frequency = r.indexOf("frequency");
        activePower = r.indexOf("active_power");
        tamper = r.indexOf("tamper");
        MeterConsole.register(this, ctx);
        if (uplink != null) {
            uplink.setCommandHandler(new MeterHostCommands(this, ctx.deviceId(), ctx.clock(), tokens));
        }
    }

    @Override
    public void sampleTick(BoardContext ctx, Readings r) {
        if (meter() == null) {
            return;
        }
        long now = ctx.clock().wallMillis();
        sample.set((int) r.milli(voltage), (int) r.milli(current), (int) r.milli(powerFactor),
                (int) r.milli(frequency), r.milli(activePower));
        meter.onSample(sample, now);
        powerSumMilliwatts += sample.activePowerMilliwatts;
        powerSamples++;
        boolean high = tamper >= 0 && r.milli(tamper) > 0;
        if (high && !tamperHigh) {
            meter.tamper(Meter.TAMPER_COVER_OPEN, now);
        }
        tamperHigh = high;
        if (now >= nextTelemetry) {
            meter.persist(now);
            journal.telemetry(now, meter.balance(), meter.energyWh(), meter.ledger(ledgerView).charges(),
                    meanPowerWatts());
            powerSumMilliwatts = 0;
            powerSamples = 0;
            nextTelemetry = now + telemetryIntervalMillis;
        }
        driveRelay();
    }

    @Override
    public void shutdown(BoardContext ctx) {
        meter = null;
        pending = null;
    }

    /**
     * Starts the engine on the first call after the wall time became known (so a host command that
     * arrives with the hello answer finds it running).
     *
     * @return the running meter engine, or null while the wall time is unknown or the app is shut down
     */
    public Meter meter() {
        if (meter == null && pending != null && context.clock().wallTimeKnown()) {
            long now = context.clock().wallMillis();
            pending.boot(now);
            meter = pending;
            nextTelemetry = now;
            context.log().log(LogLevel.INFO, "meter", "started, balance " + meter.balance());
            driveRelay();
        }
        return meter;
    }

    /** @return the mean active power of the samples since the last pack, whole watts (rounded half away from zero) */
    private long meanPowerWatts() {
        long meanMilli = powerSumMilliwatts / powerSamples;
        return meanMilli >= 0 ? (meanMilli + 500) / 1000 : -((-meanMilli + 500) / 1000);
    }

    /** @return the record writer (its lost-record count) */
    public MeterJournal records() {
        return journal;
    }

    BoardContext context() {
        return context;
    }

    long now() {
        return context.clock().wallMillis();
    }

    /** Sets the relay output from the meter's verdict (after every change the app causes). */
    void driveRelay() {
        long want = meter.relayClosed() ? RELAY_CLOSED : RELAY_OPEN;
        if (want != relayOut) {
            context.actuators().set("relay", want);
            relayOut = want;
        }
    }
}
