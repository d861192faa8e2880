package io.fieldlink.firmware.jvm.runner;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardKind;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.firmware.hal.SerialConsole;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.jvm.console.SerialPortConsole;
import io.fieldlink.firmware.jvm.console.StdioConsole;
import io.fieldlink.firmware.jvm.crypto.BouncyCastleHalCrypto;
import io.fieldlink.firmware.jvm.gpio.GpioActuators;
import io.fieldlink.firmware.jvm.gpio.GpioInputs;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.jvm.loop.TinylogBoardLog;
import io.fieldlink.firmware.jvm.modbus.J2modModbusMaster;
import io.fieldlink.firmware.jvm.modbus.ModbusInputs;
import io.fieldlink.firmware.jvm.net.DtlsTransport;
import io.fieldlink.firmware.jvm.net.UdpTransport;
import io.fieldlink.firmware.jvm.storage.FileStorage;
import io.fieldlink.firmware.jvm.update.FileFirmwareSlots;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.kernel.BoardBuilder;
import io.fieldlink.firmware.kernel.BoardConfig;
import io.fieldlink.firmware.meter.MeterApp;
import io.fieldlink.firmware.provision.Provisioning;
import io.fieldlink.firmware.pump.PumpApp;
import io.fieldlink.firmware.update.UpdateAgent;
import io.fieldlink.firmware.update.UpdateOptions;
import io.fieldlink.firmware.update.UpdatingUplinkFactory;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.kernel.UplinkFactory;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.firmware.wellhead.WellheadApp;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.TrustedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tinylog.Logger;

/**
 * One board running in this process: the firmware core's {@link Board} with its app (meter, pump or
 * wellhead, by the board file's kind) on the JVM bindings. {@link #start} opens everything in order
 * and boots the board on its loop thread; {@link #close} shuts the board down (outputs to their safe
 * values, the journal is already durable) and releases everything in reverse order. A kill without
 * {@link #close} is a power cut: the files' DSYNC writes and the journal make it safe.
 *
 * <p>Firmware update: when the data directory holds firmware slots ({@link #FIRMWARE_DIR}, set up
 * by {@code BootSelector --install} from a packaged image, see docs/flashing.md), the board runs an
 * {@link UpdateAgent} on {@link FileFirmwareSlots} with its own second link to the host (a second
 * DTLS session, or plain UDP), reports the running slot's version, and the agent's restart asks the
 * process to exit for the service manager to run the boot selector again. Without slots the board
 * reports {@link Board#FIRMWARE_VERSION} and takes no updates. A storage fault (the HAL's system
 * reset) restarts the board as the console's {@code reboot} does.
 *
 * <p>Field bus: the wellhead's app reads its Modbus flow computer itself; on any other board,
 * {@code --modbus} serves the channels with a Modbus point in the board file (the pump's Coriolis
 * flow meter totaliser, nozzle and storage pressure) through {@link ModbusInputs}, unless a channel is
 * on a GPIO pin ({@code --input}) or given a bench value ({@code --sensor}).
 *
 * <p>Time warp ({@code --time-warp}, {@link TimeWarpControl}): a test rig may make the board's clock
 * jump forward; refused on a data directory with firmware slots (an installed board).
 *
 * <p>Thread-safe: {@link #close} may come from a shutdown hook.
 */
public final class BoardRunner implements AutoCloseable {
    /** The device id of a board that has not been provisioned yet. */
    public static final String UNPROVISIONED = "unprovisioned";
    /** The firmware slots' directory inside the data directory. */
    public static final String FIRMWARE_DIR = "firmware";
    /** The largest image a slot takes, bytes. */
    public static final long SLOT_CAPACITY = 64L * 1024 * 1024;

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private String deviceId;
    private BoardLoopThread loop;
    private Board board;
    private SystemClock clock;
    private TimeWarpControl timeWarp;
    private boolean closed;

    private BoardRunner() {
    }

    /**
     * @param s the settings
     * @return the running board
     * @throws IOException when a port, the data directory or the network cannot be opened
     * @throws IllegalArgumentException naming a setting that does not fit the board
     */
    public static BoardRunner start(RunnerSettings s) throws IOException {
        return start(s, null, null);
    }

    /**
     * @param s the settings
     * @param rebootRequested what the console's {@code reboot} does: called on the loop thread, must not
     *     block; null reboots the board in place (same identity and ports)
     * @return the running board
     * @throws IOException when a port, the data directory or the network cannot be opened
     * @throws IllegalArgumentException naming a setting that does not fit the board
     */
    public static BoardRunner start(RunnerSettings s, Runnable rebootRequested) throws IOException {
        return start(s, rebootRequested, null);
    }

    /**
     * As {@link #start(RunnerSettings, Runnable)}, on a serial console that is already open (the
     * runner attaches it to its loop and leaves it open when it closes).
     *
     * @param serialConsole the open console, or null to open {@link RunnerSettings#console()}
     */
    public static BoardRunner start(RunnerSettings s, Runnable rebootRequested, SerialPortConsole serialConsole)
            throws IOException {
        return start(s, rebootRequested, serialConsole, null);
    }

    /**
     * As {@link #start(RunnerSettings, Runnable, SerialPortConsole)}, with what the firmware update's
     * restart does (called on the loop thread, must not block): the process should stop the board and
     * exit for the service manager to run the boot selector; null only logs that the process must be
     * restarted.
     */
    public static BoardRunner start(RunnerSettings s, Runnable rebootRequested, SerialPortConsole serialConsole,
            Runnable restartRequested) throws IOException {
        BoardRunner runner = new BoardRunner();
        try {
            runner.open(s, rebootRequested, serialConsole, restartRequested);
        } catch (IOException | RuntimeException e) {
            runner.close();
            throw e;
        }
        return runner;
    }

    private void open(RunnerSettings s, Runnable rebootRequested, SerialPortConsole given, Runnable restartRequested)
            throws IOException {
        BoardDefinition def = s.definition();
        clock = SystemClock.trustingOsClock();
        if (s.timeWarped() && Files.isRegularFile(s.dataDir().resolve(FIRMWARE_DIR).resolve(FileFirmwareSlots.STATE_FILE))) {
            throw new IllegalArgumentException("--time-warp: " + s.dataDir() + " holds firmware slots (an installed board); "
                    + "the time warp is a test-rig facility and is refused there");
        }
        FileStorage storage = FileStorage.open(s.dataDir(), RunnerSettings.STORAGE_LAYOUT);
        resources.push(storage);
        applyConfig(def, storage, s.config());

        Provisioning stored = Provisioning.read(new Settings(storage.area("settings")));
        String deviceId = s.deviceId() != null ? s.deviceId() : stored == null ? null : stored.deviceId();
        HostAddress host = s.host() != null ? s.host()
                : stored == null ? null : HostAddress.parse(stored.host(), "provisioned host");
        byte[] psk = s.psk() != null ? s.psk() : stored == null ? null : stored.psk();
        boolean provisioned = deviceId != null && host != null;
        if (!provisioned) {
            deviceId = deviceId != null ? deviceId : UNPROVISIONED;
        } else if (host.secure() && psk == null) {
            throw new IllegalArgumentException("coaps needs the device's PSK: give --psk-file FILE or provision the board");
        }

        loop = new BoardLoopThread("board-" + deviceId, clock);
        resources.push(loop);
        DatagramTransport transport = provisioned ? link(host, deviceId, psk) : new NoNetwork();
        SerialConsole console;
        if (s.console().equals("stdio")) {
            console = StdioConsole.start(loop);
        } else if (given != null) {
            given.attach(loop);
            console = given;
        } else {
            SerialPortConsole serial = SerialPortConsole.open(s.console(), s.consoleBaud(), loop);
            resources.push(serial);
            console = serial;
        }
        Context pi4j = Pi4J.newAutoContext();
        resources.push(pi4j::shutdown);
        GpioActuators actuators = new GpioActuators(pi4j, def, s.outputs());
        GpioInputs inputs = new GpioInputs(pi4j, def, s.inputs());

        IssuerKeys issuers = issuers(s.trustedKeys(), stored);
        BoardApp app = app(s, def, issuers.trusted());

        FileFirmwareSlots slots = slots(s.dataDir(), deviceId, restartRequested);
        UplinkFactory uplink = null;
        if (provisioned) {
            // plain CoAP has no PSK identity: every request names the device (?d=ID), as the host requires
            String named = host.secure() ? null : deviceId;
            uplink = new CoapUplinkFactory(issuers, new UplinkOptions().deviceQuery(named));
            if (slots != null) {
                uplink = new UpdatingUplinkFactory(uplink, new UpdateAgent(slots, issuers, link(host, deviceId, psk),
                        new UpdateOptions().deviceQuery(named)));
            }
        }
        BoardBuilder builder = Board.builder();
        builder.definition(def).app(app).deviceId(deviceId).clock(clock).storage(storage)
                .firmwareVersion(slots != null ? slots.runningVersion() : Board.FIRMWARE_VERSION)
                .transport(transport).console(console).sensors(new BoardSensors(def, inputs, s.fixedSensors(), fieldBusInputs(s, def, inputs)))
                .actuators(actuators).crypto(BouncyCastleHalCrypto.INSTANCE).log(new TinylogBoardLog(deviceId))
                .uplink(uplink).rebootAction(rebootRequested);
        if (rebootRequested != null) {
            builder.systemReset(reason -> rebootRequested.run());
        }
        board = builder.build();
        loop.start(board.loop());
        onLoop(() -> {
            board.boot();
            return null;
        });
        if (s.timeWarped()) {
            timeWarp = TimeWarpControl.start(s.timeWarpPort(), clock, loop, board.loop());
            resources.push(timeWarp);
        }
        if (provisioned) {
            Logger.info("board {} ({}) running; host {}", deviceId, def.name(), host);
        } else {
            Logger.warn("board {} ({}) running console-only: no device id or host yet; provision it "
                    + "('fieldlink ctl provision') or give --id and --host, then restart it", deviceId, def.name());
        }
        this.deviceId = deviceId;
    }

    /** @return a datagram link to the host (DTLS with the PSK, or plain UDP), closed with the runner */
    private DatagramTransport link(HostAddress host, String deviceId, byte[] psk) throws IOException {
        if (host.secure()) {
            DtlsTransport dtls = DtlsTransport.start(host.resolved(), deviceId, psk, loop);
            resources.push(dtls);
            return dtls;
        }
        UdpTransport udp = UdpTransport.start(host.resolved(), loop);
        resources.push(udp);
        return udp;
    }

    /** @return the options' issuer keys, or else the provisioned ones */
    private static IssuerKeys issuers(List<byte[][]> given, Provisioning stored) {
        if (given.isEmpty()) {
            return stored == null ? new IssuerKeys() : stored.issuerKeys();
        }
        IssuerKeys keys = new IssuerKeys();
        for (byte[][] k : given) {
            keys.add(k[0], k[1]);
        }
        return keys;
    }

    /** @return the data directory's firmware slots, or null when it has none (updates off) */
    private static FileFirmwareSlots slots(Path dataDir, String deviceId, Runnable restartRequested) {
        Path dir = dataDir.resolve(FIRMWARE_DIR);
        if (!Files.isRegularFile(dir.resolve(FileFirmwareSlots.STATE_FILE))) {
            Logger.info("no firmware slots in {}: firmware updates are off (a packaged image sets them up, "
                    + "see docs/flashing.md)", dir);
            return null;
        }
        Runnable restart = restartRequested != null ? restartRequested
                : () -> Logger.warn("board {}: a new firmware image waits in {}; restart the process to boot it",
                        deviceId, dir);
        return new FileFirmwareSlots(dir, SLOT_CAPACITY, restart);
    }

    private BoardApp app(RunnerSettings s, BoardDefinition def, TrustedKeys trusted) {
        switch (def.kind()) {
            case METER:
                return new MeterApp(new TokenVerifier(BouncyCastleCrypto.INSTANCE, trusted), s.meterTelemetryMillis());
            case PUMP:
                return new PumpApp();
            case WELLHEAD:
                if (s.modbus() == null) {
                    throw new IllegalArgumentException("board " + def.name() + " reads its sensors over Modbus: give "
                            + "--modbus rtu:PORT[:BAUD] or --modbus tcp:HOST[:PORT]");
                }
                J2modModbusMaster bus = new J2modModbusMaster(s.modbus(), s.modbusTimeoutMillis(), loop::post);
                resources.push(bus);
                return new WellheadApp(bus);
            default:
                throw new IllegalArgumentException("board kind " + def.kind() + " has no app");
        }
    }

    /**
     * @return the poller of the channels {@code --modbus} serves on a board whose app does not read the
     *     field bus itself, or null when there is no {@code --modbus} or it is the wellhead's
     * @throws IllegalArgumentException when {@code --modbus} is given but no channel is left for it
     */
    private ModbusInputs fieldBusInputs(RunnerSettings s, BoardDefinition def, GpioInputs gpio) {
        if (s.modbus() == null || def.kind() == BoardKind.WELLHEAD) {
            return null;
        }
        List<ChannelDefinition> polled = new ArrayList<>();
        long period = Long.MAX_VALUE;
        for (ChannelDefinition c : def.channels()) {
            if (c.modbus() != null && !gpio.wired(c.name()) && !s.fixedSensors().containsKey(c.name())) {
                polled.add(c);
                period = Math.min(period, c.samplePeriodMillis());
            }
        }
        if (polled.isEmpty()) {
            throw new IllegalArgumentException("--modbus: board " + def.name() + " has no channel left on the field bus "
                    + "(none has a Modbus point in its board file, or all are on GPIO pins or given --sensor values)");
        }
        J2modModbusMaster bus = new J2modModbusMaster(s.modbus(), s.modbusTimeoutMillis(), loop::post);
        resources.push(bus);
        ModbusInputs inputs = new ModbusInputs(polled, bus, loop::post, period);
        resources.push(inputs);
        List<String> names = new ArrayList<>();
        for (ChannelDefinition c : polled) {
            names.add(c.name());
        }
        Logger.info("field bus {}: polling {} every {} ms", s.modbus(), names, period);
        return inputs;
    }

    private static void applyConfig(BoardDefinition def, FileStorage storage, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        BoardConfig config = new BoardConfig(def, new Settings(storage.area("settings")));
        for (Map.Entry<String, String> e : values.entrySet()) {
            String problem = config.set(e.getKey(), e.getValue());
            if (problem != null) {
                throw new IllegalArgumentException("--set " + e.getKey() + "=" + e.getValue() + ": " + problem);
            }
        }
    }

    private <T> T onLoop(java.util.function.Supplier<T> work) throws IOException {
        try {
            return loop.call(work).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        } catch (TimeoutException e) {
            throw new IOException("the board's loop did not answer in 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** @return the board (for tests: run work on it through {@link #loop()}) */
    public Board board() {
        return board;
    }

    /** @return the board's clock */
    SystemClock clock() {
        return clock;
    }

    /** @return the loopback port of the time warp, or -1 without {@code --time-warp} */
    int timeWarpPort() {
        return timeWarp == null ? -1 : timeWarp.port();
    }

    /** @return the device id the board runs as ({@link #UNPROVISIONED} before provisioning) */
    public String deviceId() {
        return deviceId;
    }

    /** @return the board's loop thread */
    public BoardLoopThread loop() {
        return loop;
    }

    /** Shuts the board down (outputs safe) and closes everything; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (board != null && loop != null) {
            try {
                onLoop(() -> {
                    board.shutdown();
                    return null;
                });
            } catch (IOException | RuntimeException e) {
                Logger.warn(e, "board shutdown failed; its outputs may not be in their safe state");
            }
        }
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (Exception e) {
                Logger.warn(e, "closing {} failed", r);
            }
        }
    }
}
