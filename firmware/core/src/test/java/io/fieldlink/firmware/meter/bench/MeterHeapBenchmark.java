package io.fieldlink.firmware.meter.bench;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.meter.CreditClaim;
import io.fieldlink.firmware.meter.Meter;
import io.fieldlink.firmware.meter.MeterApp;
import io.fieldlink.firmware.meter.MeterConfig;
import io.fieldlink.firmware.meter.MeterStore;
import io.fieldlink.firmware.meter.Tariff;
import io.fieldlink.firmware.meter.WeekMask;
import io.fieldlink.firmware.uplink.HalBackedCrypto;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.TrustedKeys;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retained heap per meter (budget 8 KiB of live state per meter), measured the only reliable way on
 * a JVM: build many, collect, and divide the growth of the used heap after a full GC by their number.
 * The result is the {@code bytesPerMeter} secondary counter (the time is only how long building took).
 *
 * <ul>
 * <li>{@code engine}: the meter's live state, {@link Meter} with its ledger, energy register, token
 * window, tariff schedule, snapshot buffer and event queue, booted, built as {@link MeterApp} builds it
 * (the store keeps nothing: the snapshot lives in flash, not in the heap); with
 * {@code pendingTariffs} tariff changes scheduled, each a tariff of 16 bands made for this meter
 * (as a host command decodes it: nothing shared).</li>
 * <li>{@code board}: a whole booted meter board ({@link Board} with kernel, journal, settings,
 * console shell, meter app, no uplink) on the in-memory HAL, minus the HAL itself (its emulated flash
 * and buffers, measured alone); with the same pending tariffs through the meter.</li>
 * </ul>
 *
 * <p>Sizes are this JVM's (64-bit, compressed oops and class pointers: 12-byte object headers, 16-byte
 * array headers, 8-byte alignment); a microcontroller VM's are smaller. Run:
 * {@code ./fieldlink bench firmware/core MeterHeapBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms2g", "-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class MeterHeapBenchmark {
    private static final long T0 = 1_795_392_000_000L;
    private static final BoardDefinition METER = BoardLoader.builtIn("meter");

    @Param({"0", "4"})
    public int pendingTariffs;

    @Param({"10000"})
    public int meters;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /** The measured figure, as a JMH secondary result. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Heap {
        /** Retained bytes per meter. */
        public long bytesPerMeter;

        @Setup(Level.Iteration)
        public void clear() {
            bytesPerMeter = 0;
        }
    }

    @Benchmark
    public long engine(Heap heap) {
        Object[] keep = new Object[meters];
        long before = usedAfterGc();
        for (int i = 0; i < meters; i++) {
            keep[i] = meter(i);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(keep);
        heap.bytesPerMeter = (after - before) / meters;
        return after;
    }

    @Benchmark
    public long board(Heap heap) {
        int n = meters / 5; // a board's HAL holds 72 KiB of emulated flash: 2,000 boards fit the heap
        Object[] hals = new Object[n];
        long before = usedAfterGc();
        for (int i = 0; i < n; i++) {
            hals[i] = hal();
        }
        long halsOnly = usedAfterGc();
        Object[] boards = new Object[n];
        for (int i = 0; i < n; i++) {
            boards[i] = board((MemoryHal) hals[i], i);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(hals);
        Reference.reachabilityFence(boards);
        heap.bytesPerMeter = (after - halsOnly) / n;
        return before;
    }

    private Meter meter(int i) {
        MeterConfig config = MeterConfig.builder(tariff(1, i)).build();
        Meter m = new Meter(config, new MeterStore() {
            @Override
            public int load(byte[] into) {
                return -1;
            }

            @Override
            public void commit(byte[] data, int len) {
            }
        }, (t, now) -> CreditClaim.ok(1, 1_000), (k, a, v, r) -> { });
        m.boot(T0);
        for (int p = 0; p < pendingTariffs; p++) {
            m.scheduleTariff(tariff(2 + p, i), T0 + (p + 1) * 86_400_000L, T0);
        }
        return m;
    }

    private static MemoryHal hal() {
        MemoryHal hal = new MemoryHal();
        hal.actuators().add("relay").add("buzzer");
        hal.sensors().set("voltage", 2300).set("current", 21_700).set("power_factor", 1000).set("frequency", 5000)
                .set("active_power", 5000).set("energy", 0).set("tamper", 0);
        hal.clock().setWallMillis(T0);
        return hal;
    }

    private Board board(MemoryHal hal, int i) {
        MeterApp app = new MeterApp(new TokenVerifier(new HalBackedCrypto(hal.crypto()), new TrustedKeys()), 3_600_000);
        Board b = Board.builder().definition(METER).app(app).deviceId("m-" + i).clock(hal.clock())
                .storage(hal.storage()).transport(hal.network()).console(hal.console()).sensors(hal.sensors())
                .actuators(hal.actuators()).crypto(hal.crypto()).log(hal.log()).samplePeriodMillis(1000).build();
        b.boot();
        b.loop().runDue();
        Meter m = app.meter();
        for (int p = 0; p < pendingTariffs; p++) {
            m.scheduleTariff(tariff(2 + p, i), T0 + (p + 1) * 86_400_000L, T0);
        }
        return b;
    }

    /** A 16-band tariff (every day: 16 bands over the hours), prices varied per meter. */
    private static Tariff tariff(int id, int meter) {
        Tariff.Builder b = Tariff.builder(id);
        for (int band = 0; band < 15; band++) {
            b.band(WeekMask.EVERY_DAY, band, band + 1, 80_000 + band * 1_000 + meter % 7);
        }
        return b.band(WeekMask.EVERY_DAY, 15, 24, 150_000 + meter % 11).build();
    }

    private long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
