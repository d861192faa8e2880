package io.fieldlink.firmware.kernel;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.boards.OutputDefinition;
import io.fieldlink.firmware.console.PinSource;
import io.fieldlink.firmware.console.Shell;
import io.fieldlink.firmware.console.TechnicianLock;
import io.fieldlink.firmware.hal.Actuators;
import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.hal.Crypto;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.firmware.hal.LogLevel;
import io.fieldlink.firmware.hal.Sensors;
import io.fieldlink.firmware.hal.SerialConsole;
import io.fieldlink.firmware.hal.Storage;
import io.fieldlink.firmware.hal.StorageException;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.uplink.Uplink;
import io.fieldlink.protocol.memory.BufferPool;
import java.util.List;

/**
 * One running board: a {@link BoardApp} wired to its HAL by {@link BoardBuilder}. The kernel owns the
 * event loop, the journal, settings, configuration, console and (optionally) the uplink; it samples
 * every channel each sample period and hands the {@link Readings} to the app.
 *
 * <p>Lifecycle: {@link #boot()} (count the boot, outputs to their safe values, recover the journal,
 * start console, app and uplink, start sampling), then the binding keeps calling
 * {@code loop().runDue()}; {@link #shutdown()} stops sampling, lets the app make itself safe and
 * drives the outputs safe. Storage areas used: {@code journal}, {@code snapshot}, {@code settings}.
 *
 * <p>Faults: a {@link StorageException} (storage failure, power cut in the middle of a write) that
 * reaches the kernel from a timer, a console line or a datagram is never swallowed: the board stops
 * as a microcontroller would on a brown-out (every timer cancelled, outputs driven safe as far as
 * they still answer, nothing committed) and resets through the builder's
 * {@link io.fieldlink.firmware.hal.SystemReset}, or, without one, boots again in place after
 * {@link #FAULT_REBOOT_DELAY_MILLIS}; it comes back with the last committed state.
 * Not thread-safe: one board runs on one thread at a time.
 */
public final class Board {
    /** Firmware version reported by {@code id} and {@code hello}. */
    public static final String FIRMWARE_VERSION = "0.1.0";
    /** Time between a fault and the in-place boot when the board has no system reset, ms. */
    public static final long FAULT_REBOOT_DELAY_MILLIS = 1000;

    private final BoardBuilder b;
    private final EventLoop loop;
    private final RecentLog log;
    private final Readings readings;
    private final BoardContext context;
    private final long samplePeriod;
    private final Runnable sampleTask;
    private final Runnable bootTask;
    private final SerialConsole guardedConsole;
    private final DatagramTransport guardedTransport;
    private final BufferPool buffers;
    private int faults;
    private Journal journal;
    private Settings settings;
    private BoardConfig config;
    private Shell shell;
    private Uplink uplink;
    private long bootCount;
    private boolean running;

    Board(BoardBuilder builder) {
        this.b = builder;
        this.log = new RecentLog(builder.log, builder.clock, builder.recentLogLines);
        this.loop = new EventLoop(builder.clock, log, 8);
        this.readings = new Readings(builder.definition.channels());
        this.context = new BoardContext(this);
        this.samplePeriod = builder.samplePeriodMillis > 0 ? builder.samplePeriodMillis : shortestPeriod(builder.definition);
        this.sampleTask = new Runnable() {
            @Override
            public void run() {
                sample();
            }
        };
        this.bootTask = new Runnable() {
            @Override
            public void run() {
                boot();
            }
        };
        this.guardedConsole = new FaultGuard.Console(builder.console, this);
        this.guardedTransport = new FaultGuard.Transport(builder.transport, this);
        this.buffers = builder.buffers != null ? builder.buffers : new BufferPool();
        loop.setFaultHandler(new EventLoop.FaultHandler() {
            @Override
            public void onFault(StorageException fault) {
                fault(fault);
            }
        });
    }

    private static long shortestPeriod(BoardDefinition d) {
        long p = 1000;
        List<ChannelDefinition> channels = d.channels();
        for (int i = 0; i < channels.size(); i++) {
            p = i == 0 ? channels.get(i).samplePeriodMillis() : Math.min(p, channels.get(i).samplePeriodMillis());
        }
        return p;
    }

    /** @return a builder */
    public static BoardBuilder builder() {
        return new BoardBuilder();
    }

    /**
     * Boots the board (see class comment).
     *
     * @throws IllegalStateException if it is already running
     */
    public void boot() {
        if (running) {
            throw new IllegalStateException("board " + b.deviceId + " is already running");
        }
        loop.cancel(bootTask);
        Storage storage = b.storage;
        settings = new Settings(storage.area("settings"));
        bootCount = settings.getLong("boot.count", 0) + 1;
        settings.put("boot.count", Long.toString(bootCount));
        settings.commit();
        driveSafe();
        journal = Journal.open(storage.area("journal"), storage.area("snapshot"));
        config = new BoardConfig(b.definition, settings);
        TechnicianLock lock = new TechnicianLock(b.clock, settings, new PinSource() {
            @Override
            public String pin() {
                return config.has("pin") ? config.get("pin") : null;
            }
        });
        shell = new Shell(guardedConsole, lock);
        BuiltInCommands.register(this, shell);
        uplink = b.uplinkFactory == null ? null
                : b.uplinkFactory.create(context, new UplinkWiring(guardedTransport, b.firmwareVersion));
        running = true;
        log.log(LogLevel.INFO, "kernel", "boot " + bootCount + " of " + b.deviceId + " (" + b.definition.name()
                + "), journal holds " + journal.unackedCount() + " unacked records");
        b.app.boot(context);
        if (uplink != null) {
            uplink.start();
        }
        loop.schedule(sampleTask, 0);
    }

    /** Stops sampling and the uplink, lets the app make itself safe, then drives outputs safe. */
    public void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        loop.cancel(sampleTask);
        if (uplink != null) {
            uplink.stop();
        }
        try {
            b.app.shutdown(context);
        } finally {
            driveSafe();
            b.console.setReceiver(null);
            log.log(LogLevel.INFO, "kernel", "shutdown");
        }
    }

    /** Shuts down and boots again in place (the console's {@code reboot} without a binding action). */
    public void reboot() {
        shutdown();
        boot();
    }

    /**
     * The fault path (see the class comment): stops the board without committing anything and resets it.
     *
     * @param fault what failed
     */
    void fault(StorageException fault) {
        faults++;
        String reason = "fault: " + fault.getMessage();
        log.log(LogLevel.ERROR, "kernel", reason + "; resetting");
        running = false;
        loop.cancelAll();
        b.console.setReceiver(null);
        if (uplink != null) {
            try {
                uplink.stop();
            } catch (RuntimeException e) {
                log.log(LogLevel.WARN, "kernel", "uplink stop during fault: " + e);
            }
        }
        try {
            driveSafe();
        } catch (RuntimeException e) {
            log.log(LogLevel.WARN, "kernel", "outputs not driven safe during fault: " + e);
        }
        if (b.systemReset != null) {
            b.systemReset.reset(reason);
        } else {
            loop.schedule(bootTask, FAULT_REBOOT_DELAY_MILLIS);
        }
    }

    /** @return faults (resets after a storage failure) since this board object was built */
    public int faults() {
        return faults;
    }

    private void driveSafe() {
        List<OutputDefinition> outs = b.definition.outputs();
        for (int i = 0; i < outs.size(); i++) {
            b.actuators.set(outs.get(i).name(), outs.get(i).safeValue());
        }
    }

    private void sample() {
        readings.sample(b.sensors, b.clock.monotonicMillis());
        b.app.sampleTick(context, readings);
        if (running) {
            loop.schedule(sampleTask, samplePeriod);
        }
    }

    void requestReboot() {
        if (b.rebootAction != null) {
            b.rebootAction.run();
        } else {
            loop.schedule(new Runnable() {
                @Override
                public void run() {
                    reboot();
                }
            }, 0);
        }
    }

    /** @return the event loop: the binding calls {@code runDue()} and sleeps until {@code nextDueMillis()} */
    public EventLoop loop() {
        return loop;
    }

    /** @return the app's view of the board */
    public BoardContext context() {
        return context;
    }

    /** @return true between boot and shutdown */
    public boolean running() {
        return running;
    }

    /** @return milliseconds between sample ticks */
    public long samplePeriodMillis() {
        return samplePeriod;
    }

    BoardDefinition definition() {
        return b.definition;
    }

    String deviceId() {
        return b.deviceId;
    }

    String firmwareVersion() {
        return b.firmwareVersion;
    }

    Clock clock() {
        return b.clock;
    }

    Sensors sensors() {
        return b.sensors;
    }

    Actuators actuators() {
        return b.actuators;
    }

    Crypto crypto() {
        return b.crypto;
    }

    BufferPool buffers() {
        return buffers;
    }

    DatagramTransport transport() {
        return b.transport;
    }

    SerialConsole console() {
        return b.console;
    }

    RecentLog log() {
        return log;
    }

    Journal journal() {
        return journal;
    }

    Settings settings() {
        return settings;
    }

    BoardConfig config() {
        return config;
    }

    Readings readings() {
        return readings;
    }

    Shell shell() {
        return shell;
    }

    Uplink uplink() {
        return uplink;
    }

    long bootCount() {
        return bootCount;
    }
}
