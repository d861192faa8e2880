package io.fieldlink.firmware.pump;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.kernel.BoardConfig;
import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.kernel.Readings;
import io.fieldlink.firmware.uplink.HalBackedCrypto;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.protocol.token.TokenVerifier;

/**
 * The pump board's {@link BoardApp}: wires a {@link PumpStation} to the board. At boot it reads the
 * settings from the board configuration ({@code station_code}, {@code pump_number},
 * {@code price_per_kg}, {@code pulses_per_kg}, {@code max_fill}, {@code walk_in},
 * {@code utc_offset_minutes}, {@code issuer_keys}, {@code slot_grace} — see pump.board; the
 * storage-low alarm at the {@code storage_pressure} channel's {@code alarm_l}), restores the used-booking
 * memory from the journal's state snapshot, drives the {@code valve} output and registers the console
 * commands of {@link PumpCommands}. Each sample tick feeds the station the new {@code flow_pulses}
 * (the raw cumulative counter's increase), the {@code nozzle} switch and the
 * {@code storage_pressure} (mbar), then its timeouts; every {@code report_interval} (once the wall
 * time is known) it journals the station telemetry. Sales, verdicts, alarms, station telemetry and
 * daily totals go to the journal as {@link PumpRecords} (protocol uplink records) and ask the uplink
 * to report soon.
 *
 * <p>Times given to the station are the board's wall clock (epoch ms): until the host has set it,
 * booking tokens are judged against the monotonic clock and so refused as not yet valid, and the
 * events of that time wait in RAM for their wall-time stamps ({@link JournalledPumpEvents}). Event loop
 * only; the sample tick allocates nothing except when a fill ends.
 */
public final class PumpApp implements BoardApp {
    /** Config key holding the trusted issuer keys (see {@link io.fieldlink.firmware.uplink.IssuerKeys#parse}). */
    public static final String ISSUER_KEYS = "issuer_keys";
    static final String FLOW = "flow_pulses";
    static final String NOZZLE = "nozzle";
    static final String STORAGE = "storage_pressure";
    static final String VALVE = "valve";
    static final String REPORT_INTERVAL = "report_interval";
    static final String SLOT_GRACE = "slot_grace";

    private BoardContext context;
    private PumpStation station;
    private JournalledPumpEvents events;
    private int nozzleIndex;
    private int storageIndex;
    private long lastPulses;
    private boolean pulsesKnown;
    private boolean nozzleLifted;
    private long reportIntervalMs;
    private long lastReportMs;

    /**
     * @throws FirmwareException naming a missing channel or a bad configuration value
     * @throws IllegalStateException when the stored used-booking memory is corrupt
     */
    @Override
    public void boot(BoardContext c) {
        context = c;
        BoardConfig config = c.config();
        PumpSettings settings;
        try {
            settings = settings(c.definition(), config);
        } catch (IllegalStateException e) {
            throw new FirmwareException("pump settings: " + e.getMessage(), e);
        }
        TokenVerifier verifier = new TokenVerifier(new HalBackedCrypto(c.crypto()),
                IssuerKeys.parse(ISSUER_KEYS, config.get(ISSUER_KEYS)).trusted());
        events = new JournalledPumpEvents(c.journal(), c.clock(),
                c.uplink() == null ? null : new PumpReportSoon(c.uplink()), c.buffers());
        reportIntervalMs = config.has(REPORT_INTERVAL) ? config.getLong(REPORT_INTERVAL) : 0;
        lastReportMs = c.clock().monotonicMillis();
        station = new PumpStation(settings, verifier, new JournalStateCell(c.journal()),
                new ActuatorValve(c.actuators(), VALVE), events);
        Readings r = c.readings();
        nozzleIndex = channel(r, NOZZLE);
        storageIndex = channel(r, STORAGE);
        channel(r, FLOW);
        pulsesKnown = false;
        nozzleLifted = false;
        PumpCommands.register(c, this);
    }

    static PumpSettings settings(BoardDefinition definition, BoardConfig config) {
        PumpSettings.Builder b = PumpSettings.builder().stationId(config.get("station_code"))
                .pumpNumber((int) config.getLong("pump_number")).priceMilliPerKg(config.getLong("price_per_kg"))
                .pulsesPerKg((int) config.getLong("pulses_per_kg")).maxFillGrams(config.getLong("max_fill"))
                .walkInAllowed(config.getLong("walk_in") != 0)
                .dayStartOffsetMs(-config.getLong("utc_offset_minutes") * 60000L);
        if (config.has(SLOT_GRACE)) {
            b.graceSeconds(config.getLong(SLOT_GRACE) / 1000);
        }
        ChannelDefinition storage = definition.channel(STORAGE);
        if (storage != null && storage.alarms().low() != Long.MIN_VALUE) {
            b.storageLowMbar(storage.alarms().low());
        }
        return b.build();
    }

    private static int channel(Readings r, String name) {
        int i = r.indexOf(name);
        if (i < 0) {
            throw new FirmwareException("pump board has no channel " + name);
        }
        return i;
    }

    @Override
    public void sampleTick(BoardContext c, Readings r) {
        if (c.clock().wallTimeKnown()) {
            events.flushPending();
        }
        long now = c.clock().wallMillis();
        boolean lifted = r.healthy(nozzleIndex) ? r.milli(nozzleIndex) != 0 : nozzleLifted;
        if (lifted && !nozzleLifted) {
            nozzleLifted = true;
            station.nozzle(true, now);
        }
        feedPulses(c, now);
        if (!lifted && nozzleLifted) {
            nozzleLifted = false;
            station.nozzle(false, now);
        }
        if (r.healthy(storageIndex)) {
            station.storagePressure(r.milli(storageIndex), now);
        }
        station.tick(now);
        long mono = c.clock().monotonicMillis();
        if (reportIntervalMs > 0 && mono - lastReportMs >= reportIntervalMs && c.clock().wallTimeKnown()) {
            lastReportMs = mono;
            events.station(station, now);
        }
    }

    private void feedPulses(BoardContext c, long now) {
        if (!c.sensors().healthy(FLOW)) {
            return;
        }
        long raw = c.sensors().readRaw(FLOW);
        if (pulsesKnown) {
            long delta = raw >= lastPulses ? raw - lastPulses : raw;
            while (delta > 0) {
                int n = delta > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) delta;
                station.pulses(n, now);
                delta -= n;
            }
        }
        lastPulses = raw;
        pulsesKnown = true;
    }

    /** Ends any fill (journalling its sale) and closes the valve. */
    @Override
    public void shutdown(BoardContext c) {
        if (station != null) {
            station.stop(c.clock().wallMillis());
        }
        c.actuators().set(VALVE, 0);
    }

    /** @return the station (valid after {@link #boot}) */
    public PumpStation station() {
        return station;
    }

    /** @return pump events that found the journal full since boot */
    public long droppedEvents() {
        return events == null ? 0 : events.dropped();
    }

    long now() {
        return context.clock().wallMillis();
    }
}
