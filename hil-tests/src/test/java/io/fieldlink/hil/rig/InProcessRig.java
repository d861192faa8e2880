package io.fieldlink.hil.rig;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.boards.OutputDefinition;
import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.firmware.hal.DatagramReceiver;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.firmware.hal.LineReceiver;
import io.fieldlink.firmware.hal.SerialConsole;
import io.fieldlink.firmware.hal.memory.MemoryActuators;
import io.fieldlink.firmware.hal.memory.MemoryLog;
import io.fieldlink.firmware.hal.memory.MemorySensors;
import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.jvm.crypto.BouncyCastleHalCrypto;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.jvm.net.DtlsTransport;
import io.fieldlink.firmware.jvm.runner.BoardRunner;
import io.fieldlink.firmware.jvm.runner.HostAddress;
import io.fieldlink.firmware.jvm.runner.RunnerSettings;
import io.fieldlink.firmware.provision.Provisioning;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.kernel.BoardConfig;
import io.fieldlink.firmware.meter.MeterApp;
import io.fieldlink.firmware.pump.PumpApp;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.firmware.wellhead.WellheadApp;
import io.fieldlink.firmware.wellhead.modbus.MemoryModbusSlave;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.TrustedKeys;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The board in this JVM on the simulated, in-memory HAL (storage, sensors, outputs, console and, for
 * the wellhead, a Modbus slave), with the real loop thread, clock, DTLS transport and crypto, so it
 * talks to the real host. Power off shuts the board down; a power cut stops its thread mid-flight and
 * the next power-on boots a new board on the same storage.
 */
public final class InProcessRig implements Rig {
    /** The device id of a board never provisioned, as the board runner names it. */
    static final String UNPROVISIONED = BoardRunner.UNPROVISIONED;
    /** An unprovisioned board's network: it runs console-only. */
    private static final DatagramTransport NO_NETWORK = new DatagramTransport() {
        @Override
        public void send(byte[] data, int offset, int length) {
            // no host yet: nothing leaves the board
        }

        @Override
        public void setReceiver(DatagramReceiver receiver) {
            // nothing arrives
        }

        @Override
        public int maxDatagramSize() {
            return 1024;
        }
    };
    private final RigSpec spec;
    private final BoardDefinition def;
    private final MemoryStorage storage;
    private final MemorySensors sensors = new MemorySensors();
    private final MemoryActuators actuators = new MemoryActuators();
    private final MemoryModbusSlave slave = new MemoryModbusSlave().addUnit(1);
    private final QueueConsole console = new QueueConsole();
    /** Time {@link #passTime} let pass, kept across boots; each boot's clock starts that far ahead. */
    private final AtomicLong warpMillis = new AtomicLong();
    private SystemClock clock;
    private final AtomicBoolean networkUp = new AtomicBoolean(true);
    private BoardLoopThread loop;
    private DtlsTransport transport;
    private Board board;

    public InProcessRig(RigSpec spec) {
        this.spec = spec;
        this.def = spec.definition();
        MemoryStorage s = new MemoryStorage();
        for (Map.Entry<String, Integer> area : RunnerSettings.STORAGE_LAYOUT.entrySet()) {
            s.addArea(area.getKey(), area.getValue());
        }
        this.storage = s;
        for (OutputDefinition o : def.outputs()) {
            actuators.add(o.name());
        }
        for (ChannelDefinition c : def.channels()) {
            if (!onFieldBus(c.name())) {
                sensors.set(c.name(), 0);
                sensors.fail(c.name()); // no hardware until a test sets it, as on the pty rig
            }
        }
        BoardConfig config = new BoardConfig(def, new Settings(storage.area("settings")));
        for (Map.Entry<String, String> e : spec.config().entrySet()) {
            String problem = config.set(e.getKey(), e.getValue());
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /**
     * @return true if the board's app reads {@code channel} from the field bus itself (the wellhead's
     *     Modbus slave); other boards' channels, Modbus points or not, are the kernel's sensors here
     */
    private boolean onFieldBus(String channel) {
        ChannelDefinition c = def.channel(channel);
        return c != null && c.modbus() != null && def.kind() == io.fieldlink.boards.BoardKind.WELLHEAD;
    }

    @Override
    public RigSpec spec() {
        return spec;
    }

    @Override
    public synchronized void powerOn() throws Exception {
        if (loop != null) {
            throw new IllegalStateException("already on");
        }
        clock = new SystemClock();
        clock.advance(warpMillis.get());
        // an unprovisioned spec (no PSK) boots on what the console's provision command stored, as the runner does
        Provisioning stored = spec.provisioned() ? null : Provisioning.read(new Settings(storage.area("settings")));
        boolean online = spec.provisioned() || stored != null;
        String id = spec.provisioned() ? spec.deviceId() : stored != null ? stored.deviceId() : UNPROVISIONED;
        loop = new BoardLoopThread("hil-" + spec.deviceId(), clock);
        if (spec.provisioned()) {
            transport = DtlsTransport.start(new InetSocketAddress("127.0.0.1", spec.host().coapsPort()), id, spec.psk(), loop);
        } else if (stored != null) {
            transport = DtlsTransport.start(HostAddress.parse(stored.host(), "provisioned host").resolved(), id, stored.psk(), loop);
        }
        console.loop = loop;
        TrustedKeys trusted = new TrustedKeys().add(spec.issuer().keyId(), spec.issuer().publicKey());
        IssuerKeys issuers = stored != null ? stored.issuerKeys() : new IssuerKeys().add(spec.issuer().keyId(), spec.issuer().publicKey());
        BoardApp app = switch (def.kind()) {
            case METER -> new MeterApp(new TokenVerifier(BouncyCastleCrypto.INSTANCE, trusted), RigSpec.METER_TELEMETRY_MS);
            case WELLHEAD -> new WellheadApp(slave);
            case PUMP -> new PumpApp();
            default -> throw new IllegalArgumentException("no in-process rig for " + def.kind());
        };
        Board b = Board.builder().definition(def).app(app).deviceId(id).clock(clock).storage(storage)
                .transport(online ? new GatedTransport(transport, networkUp) : NO_NETWORK).console(console).sensors(sensors).actuators(actuators)
                .crypto(BouncyCastleHalCrypto.INSTANCE).log(new MemoryLog(256))
                .uplink(online ? new CoapUplinkFactory(issuers, new UplinkOptions()) : null).build();
        loop.start(b.loop());
        loop.call(() -> {
            b.boot();
            return null;
        }).get(30, TimeUnit.SECONDS);
        board = b;
    }

    @Override
    public synchronized void powerOff() throws Exception {
        if (loop == null) {
            return;
        }
        Board b = board;
        loop.call(() -> {
            b.shutdown();
            return null;
        }).get(30, TimeUnit.SECONDS);
        stop();
    }

    @Override
    public synchronized void powerCut() {
        if (loop != null) {
            stop();
        }
    }

    private void stop() {
        loop.close();
        if (transport != null) {
            transport.close();
        }
        loop = null;
        transport = null;
        board = null;
        console.loop = null;
    }

    @Override
    public void consoleIn(String line) {
        console.type(line);
    }

    @Override
    public String consoleOut(Duration timeout) throws InterruptedException {
        return console.out.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void clearConsole() {
        console.out.clear();
    }

    @Override
    public void sensor(String channel, long raw) {
        Runnable set;
        if (onFieldBus(channel)) {
            FieldBusRegisters r = FieldBusRegisters.of(def, channel);
            int[] words = r.words(raw);
            set = () -> {
                for (int i = 0; i < words.length; i++) {
                    slave.set(r.holding() ? RegisterKind.HOLDING : RegisterKind.INPUT, r.unit(), r.register() + i, words[i]);
                }
            };
        } else {
            set = () -> sensors.set(channel, raw);
        }
        onLoopOrNow(set);
    }

    @Override
    public long output(String name) {
        long[] v = new long[1];
        onLoopOrNow(() -> v[0] = actuators.get(name));
        return v[0];
    }

    private synchronized void onLoopOrNow(Runnable r) {
        if (loop == null) {
            r.run();
            return;
        }
        try {
            loop.call(() -> {
                r.run();
                return null;
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("board loop did not run the stimulus", e);
        }
    }

    @Override
    public void close() {
        powerCut();
    }

    @Override
    public boolean warpsTime() {
        return true;
    }

    /** The board's transport goes through a switch the rig holds. */
    @Override
    public void network(boolean up) {
        networkUp.set(up);
    }

    /** The jump holds across boots too (the rig's clock keeps it). */
    @Override
    public void passTime(Duration d) throws Exception {
        BoardLoopThread l;
        Board b;
        synchronized (this) {
            warpMillis.addAndGet(d.toMillis());
            if (clock != null) {
                clock.advance(d.toMillis());
            }
            l = loop;
            b = board;
        }
        if (l != null && b != null) {
            // on the loop thread, between its tasks: run what the jump made due before anything else happens
            l.call(() -> b.loop().runDue()).get(30, TimeUnit.SECONDS);
        }
    }
    /** The board's link to the host through a switch the test holds ({@link #network}). */
    private static final class GatedTransport implements DatagramTransport {
        private final DatagramTransport link;
        private final AtomicBoolean up;

        GatedTransport(DatagramTransport link, AtomicBoolean up) {
            this.link = link;
            this.up = up;
        }

        @Override
        public void send(byte[] data, int offset, int length) {
            if (up.get()) {
                link.send(data, offset, length);
            }
        }

        @Override
        public void setReceiver(DatagramReceiver receiver) {
            link.setReceiver(receiver == null ? null : (data, offset, length) -> {
                if (up.get()) {
                    receiver.onDatagram(data, offset, length);
                }
            });
        }

        @Override
        public int maxDatagramSize() {
            return link.maxDatagramSize();
        }
    }

    /** The in-memory console: lines typed go to the loop thread; lines written are queued for the test. */
    private static final class QueueConsole implements SerialConsole {
        final LinkedBlockingQueue<String> out = new LinkedBlockingQueue<>();
        volatile BoardLoopThread loop;
        private volatile LineReceiver receiver;

        @Override
        public void writeLine(String line) {
            out.add(line);
        }

        @Override
        public void setReceiver(LineReceiver r) {
            receiver = r;
        }

        void type(String line) {
            BoardLoopThread l = loop;
            if (l == null) {
                return;
            }
            l.post(() -> {
                LineReceiver r = receiver;
                if (r != null) {
                    r.onLine(line);
                }
            });
        }
    }
}
