package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.kernel.BoardConfig;
import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.kernel.Readings;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.wellhead.modbus.ModbusMaster;
import io.fieldlink.firmware.uplink.HalBackedCrypto;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cose.CoseSign1;

/**
 * The wellhead board's {@link BoardApp}: wires a {@link Wellhead} to the board. At boot it builds
 * the settings from the board definition ({@link WellheadBoard}) and the configuration
 * ({@code daily_close_hour}, {@code utc_offset_minutes}, {@code host_keys}), restores the shut-in
 * latch from the journal's state snapshot ({@link LatchSnapshot}), drives the {@code shutin_valve}
 * output and registers the console commands of {@link WellheadCommands}. Every sample tick starts one
 * Modbus scan cycle on the bus given to the constructor (the kernel's own sensor readings are not
 * used: the wellhead's channels live on the field bus). Events go to the journal as protocol uplink
 * records ({@link WellheadRecords}) and ask the uplink to report soon; a signed {@code shutin-reset}
 * host command reaches the latch through {@link WellheadHostCommands}.
 *
 * <p>Times given to the wellhead are the board's wall clock (epoch ms). The safety logic runs from
 * the first tick after boot, before the host has set the wall clock: until then the wellhead runs on
 * the monotonic clock, its events wait in RAM for their wall-time stamps
 * ({@link JournalledWellheadEvents}) and the gas-day totals wait (so a debounce running when the
 * clock is set may end early: a trip then comes sooner, never later). Event loop only; the sample tick
 * allocates nothing in steady state.
 */
public final class WellheadApp implements BoardApp {
    /** Config key holding the host's reset-signing keys, {@code <key id hex>:<public key hex>,...}. */
    public static final String HOST_KEYS = "host_keys";
    static final String VALVE = "shutin_valve";

    private final ModbusMaster bus;
    private BoardContext context;
    private Wellhead wellhead;
    private WellheadSettings settings;
    private ResetAuthority authority;
    private JournalledWellheadEvents journalled;

    /**
     * @param bus the Modbus master of the board's field bus (the in-memory slave in tests and the
     *     simulator, the j2mod binding on hardware)
     */
    public WellheadApp(ModbusMaster bus) {
        if (bus == null) {
            throw new IllegalArgumentException("bus: null");
        }
        this.bus = bus;
    }

    /**
     * @throws FirmwareException naming a bad board definition or configuration value
     * @throws IllegalStateException when the latch snapshot is corrupt (the well is never assumed clear)
     */
    @Override
    public void boot(BoardContext c) {
        context = c;
        BoardConfig config = c.config();
        try {
            settings = WellheadBoard.settings(c.definition(), (int) config.getLong("daily_close_hour"),
                    config.getLong("utc_offset_minutes") * 60000L);
        } catch (IllegalStateException e) {
            throw new FirmwareException("wellhead settings: " + e.getMessage(), e);
        }
        authority = new ResetAuthority(IssuerKeys.parse(HOST_KEYS, config.get(HOST_KEYS)),
                new HalBackedCrypto(c.crypto()), c.deviceId(), c.clock(), c.settings());
        journalled = new JournalledWellheadEvents(c.journal(), settings.channels, c.clock(),
                c.uplink() == null ? null : new ReportSoon(c.uplink()), c.buffers());
        boolean latched = LatchSnapshot.latched(c.journal());
        if (latched) {
            journalled.restoredLatch(LatchSnapshot.cause(c.journal()), LatchSnapshot.pressure(c.journal()));
        }
        wellhead = new Wellhead(settings, bus, new ActuatorSafetyValve(c.actuators(), VALVE), authority,
                new LatchSnapshot(c.journal(), journalled), latched);
        WellheadCommands.register(c, this);
        if (c.uplink() != null) {
            c.uplink().setCommandHandler(new WellheadHostCommands(this));
        }
    }

    @Override
    public void sampleTick(BoardContext c, Readings readings) {
        boolean wallTime = c.clock().wallTimeKnown();
        if (wallTime) {
            journalled.flushPending();
        }
        wellhead.scan(c.clock().wallMillis(), wallTime);
    }

    /** Leaves the valve to the kernel's safe state (closed); the latch is already committed. */
    @Override
    public void shutdown(BoardContext c) {
        c.actuators().set(VALVE, 0);
    }

    /**
     * Applies a host-signed shut-in reset that arrived outside the uplink (e.g. typed in by a
     * technician's tool). The message is a COSE_Sign1 of a ShutInResetBody signed by a
     * {@code host_keys} key, as {@link ResetAuthority} describes; the reset also needs the pressure
     * back between PSL and PSH. Never throws for a bad message: it is refused as unauthorised.
     *
     * @param coseSign1 the encoded COSE_Sign1 from the host
     * @return RESET when the valve reopened, otherwise why nothing changed
     * @throws IllegalStateException before {@link #boot}
     */
    public ResetOutcome applySignedReset(byte[] coseSign1) {
        if (wellhead == null) {
            throw new IllegalStateException("wellhead app not booted");
        }
        String principal = "malformed";
        try {
            String technician = ResetAuthority.technician(CoseSign1.decode(coseSign1).payload());
            if (technician != null) {
                principal = technician;
            }
        } catch (ProtocolException e) {
            principal = "malformed";
        }
        return wellhead.reset(new ResetRequest(ResetRequest.Source.HOST, principal, coseSign1), now());
    }

    /** A shut-in reset host command whose signature the uplink verified (its ShutInResetBody payload). */
    ResetOutcome verifiedHostReset(byte[] payload) {
        String technician = ResetAuthority.technician(payload);
        return wellhead.reset(ResetRequest.hostVerified(technician == null ? "malformed" : technician, payload), now());
    }

    ResetOutcome consoleReset() {
        authority.consoleSession(true);
        try {
            return wellhead.reset(new ResetRequest(ResetRequest.Source.CONSOLE, "console", new byte[0]), now());
        } finally {
            authority.consoleSession(false);
        }
    }

    /** @return the wellhead (valid after {@link #boot}) */
    public Wellhead wellhead() {
        return wellhead;
    }

    /** @return wellhead events that found the journal full since boot */
    public long droppedEvents() {
        return journalled == null ? 0 : journalled.dropped();
    }

    WellheadSettings settings() {
        return settings;
    }

    long now() {
        return context.clock().wallMillis();
    }
}
