package io.fieldlink.simulator.fleet;

import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.meter.Meter;
import io.fieldlink.firmware.meter.MeterApp;
import io.fieldlink.firmware.meter.MeterConfig;
import io.fieldlink.firmware.meter.PrepaidLedger;
import io.fieldlink.firmware.meter.Tariff;
import io.fieldlink.firmware.meter.WeekMask;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.simulator.physics.Grid;
import io.fieldlink.simulator.physics.HouseholdLoad;
import io.fieldlink.simulator.physics.Noise;
import io.fieldlink.simulator.physics.SensorFault;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A prepaid meter: a household load and the grid feed its voltage, current, power factor, frequency
 * and power channels (nothing flows while its relay is open); the household buys credit tokens
 * (minted with the fleet's issuer key) when the balance runs low and types them in, now and then a
 * wrong one. Faults: sensor (voltage stuck/noisy/out of range), tamper (cover opened), theft (a
 * bypass: the meter sees only part of the load).
 *
 * <p>Reports: the meter's reading packs wait for its next report ({@link FleetSpec#meterReportIntervalMillis},
 * else the fleet's report interval) unless {@link FleetSpec#meterPushReadings}; its events go at
 * once. It commits charged consumption with every reading pack (persist interval = the pack
 * interval, at least 60 s), so a power cut gives the household at most one pack interval of
 * energy free and never takes back a charge the host has been told about.
 */
final class MeterBoard extends VirtualBoard {
    static final long PEAK_PRICE = 250_000;
    static final long OFF_PEAK_PRICE = 120_000;
    private static final long TOP_UP_BELOW = 20_000;

    private final TokenMint mint;
    private final HouseholdLoad load;
    private final Grid grid;
    private final TokenVerifier verifier;
    private MeterApp app;
    private long energyWh;
    private double energyCarry;
    private long tokenCounter;
    /** The last good token's id and amount (-1: none yet): minted again when the receipt is retyped. */
    private long lastTokenId = -1;
    private long lastTokenAmount;
    private long nextCustomerCheck;
    private SensorFault sensorFault = SensorFault.NONE;
    private double stuckAt;
    private long sensorFaultUntil;
    private long tamperUntil;
    private long theftUntil;
    private long step;
    private boolean loadOff;

    MeterBoard(String id, int index, long seed, FleetSpec spec, TokenMint mint) {
        super(id, index, seed, spec);
        this.mint = mint;
        this.load = new HouseholdLoad(seed, ZoneOffset.UTC);
        this.grid = new Grid(seed, 230, 50);
        this.verifier = verifier(mint);
        actuators.add("relay").add("buzzer");
    }

    @Override
    String variant() {
        return "meter";
    }

    @Override
    String kind() {
        return "meter";
    }

    @Override
    long samplePeriodMillis() {
        return spec.meterSampleMillis;
    }

    @Override
    void configure(Map<String, String> config) {
        // the meter's rules come from MeterConfig below; only how it reports comes from the board config
        if (spec.meterPushReadings) {
            config.put(MeterApp.PUSH_READINGS, "true");
        }
        // the board file's report_interval (15 min) would override the fleet's: readings wait for it
        long report = spec.meterReportIntervalMillis > 0 ? spec.meterReportIntervalMillis : spec.reportIntervalMillis;
        config.put(CoapUplinkFactory.REPORT_INTERVAL, report + "ms");
    }

    @Override
    BoardApp newApp() {
        Tariff tariff = Tariff.builder(1).band(WeekMask.EVERY_DAY, 0, 24, OFF_PEAK_PRICE)
                .band(WeekMask.EVERY_DAY, 17, 21, PEAK_PRICE).build();
        MeterConfig config = MeterConfig.builder(tariff).sampleIntervalMillis(spec.meterSampleMillis)
                .maxSampleGapMillis(spec.meterSampleMillis * 3).emergencyCredit(10_000, 5_000)
                .lowCreditThresholds(20_000)
                .friendlyCredit(WeekMask.builder().hours(WeekMask.EVERY_DAY, 22, 24).build())
                .persistIntervalMillis(Math.max(60_000L, spec.meterTelemetryMillis)).build();
        app = new MeterApp(config, verifier, spec.meterTelemetryMillis);
        return app;
    }

    @Override
    void physics(long now, long dt) {
        step++;
        if (now >= sensorFaultUntil) {
            sensorFault = SensorFault.NONE;
        }
        boolean closed = actuators.get("relay") == MeterApp.RELAY_CLOSED;
        double watts = closed && !loadOff ? load.activePowerWatts(now) : 0;
        double seen = now < theftUntil ? watts * 0.3 : watts;
        double volts = grid.volts(now);
        double shownVolts = sensorFault.apply(volts, stuckAt, 400, seed, step);
        double pf = 0.93 + 0.05 * Noise.uniform(seed, 40, now / 3_600_000L);
        double amps = volts > 1 ? seen / (volts * pf) : 0;
        energyCarry += seen * dt / 3_600_000.0;
        long whole = (long) energyCarry;
        energyWh += whole;
        energyCarry -= whole;
        sensors.set("voltage", Math.round(shownVolts * 10)).set("current", Math.round(amps * 1000))
                .set("power_factor", Math.round(pf * 1000)).set("frequency", Math.round(grid.hertz(now) * 100))
                .set("active_power", Math.round(seen)).set("energy", energyWh)
                .set("tamper", now < tamperUntil ? 1 : 0);
    }

    @Override
    void world(long now) {
        if (loadOff && app != null && app.records() != null && !app.records().pushesReadings()) {
            // the run's quiet end: readings go up at once like events, none waits for a report
            app.records().pushReadings(true);
            if (board.context().journal().unackedCount() > 0) {
                board.context().uplink().reportNow();
            }
        }
        if (now < nextCustomerCheck || app == null) {
            return;
        }
        Meter meter = app.meter();
        if (meter == null) {
            return; // not running until the host has told it the time: the household tries again soon
        }
        nextCustomerCheck = now + 3_600_000L;
        if (meter.tamperLatched() != 0 && now >= tamperUntil) {
            meter.clearTamper(wall());
        }
        if (meter.balance() >= TOP_UP_BELOW) {
            return;
        }
        long amount = spec.meterTopUpMilli + spec.meterTopUpMilli / 5 * faults.nextInt(16);
        double draw = faults.nextDouble();
        String token;
        if (draw < spec.badTokenShare / 2 && lastTokenId >= 0) {
            token = mint.credit(id, lastTokenId, lastTokenAmount); // typed the old receipt again (same token)
        } else if (draw < spec.badTokenShare) {
            token = mint.credit(id + "x", ++tokenCounter, amount); // another meter's token
        } else {
            token = mint.credit(id, ++tokenCounter, amount);
            lastTokenId = tokenCounter;
            lastTokenAmount = amount;
        }
        meter.redeem(token, wall());
    }

    @Override
    void quiesce() {
        sensorFaultUntil = 0;
        tamperUntil = 0;
        theftUntil = 0;
    }

    /** Starts a sensor fault on the voltage channel for a few hours. */
    void sensorFault(long now) {
        SensorFault[] kinds = {SensorFault.STUCK, SensorFault.NOISY, SensorFault.OUT_OF_RANGE};
        sensorFault = kinds[faults.nextInt(kinds.length)];
        stuckAt = grid.volts(now);
        sensorFaultUntil = now + 3_600_000L * (1 + faults.nextInt(12));
    }

    /** Tamper (the cover opened for a while) or theft (a bypass for a day), at random. */
    void incident(long now) {
        if (faults.nextBoolean()) {
            tamperUntil = now + 600_000L;
        } else {
            theftUntil = now + 86_400_000L;
        }
    }

    /**
     * Turns the household's load off (the run's end, so the last balance stands still); from its next
     * turn on the meter sends its readings at once (as with {@code push_readings}), so the drain
     * ends with every reading delivered.
     */
    void switchOff() {
        theftUntil = 0;
        loadOff = true;
    }

    /** @return the meter's ledger, or null while the engine is not running */
    PrepaidLedger ledger() {
        Meter meter = alive && app != null ? app.meter() : null;
        return meter == null ? null : meter.ledger(new PrepaidLedger());
    }

    boolean loadOff() {
        return loadOff;
    }
}
