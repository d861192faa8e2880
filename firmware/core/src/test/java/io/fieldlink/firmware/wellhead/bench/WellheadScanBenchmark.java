package io.fieldlink.firmware.wellhead.bench;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.kernel.Readings;
import io.fieldlink.firmware.wellhead.WellheadApp;
import io.fieldlink.firmware.wellhead.modbus.MemoryModbusSlave;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One wellhead scan cycle as the kernel runs it on the sample tick: {@link Readings} sampled, then
 * {@link WellheadApp#sampleTick} reads the six channels of the shipped board over the in-memory
 * Modbus slave (synchronous) and evaluates report-by-exception, alarms, the shut-in latch and the
 * gas-day totals, with the clock 1 s on. Values are steady (in range, valve open); integrity reports
 * and the daily record go to the journal as they fall due.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WellheadScanBenchmark {
    private MemoryHal hal;
    private WellheadApp app;
    private BoardContext context;
    private Readings readings;

    @Setup
    public void setUp() {
        hal = new MemoryHal();
        hal.actuators().add("shutin_valve");
        MemoryModbusSlave slave = new MemoryModbusSlave().addUnit(1).set(RegisterKind.HOLDING, 1, 0, 50_000)
                .set(RegisterKind.HOLDING, 1, 1, 30_000).set(RegisterKind.INPUT, 1, 2, 250)
                .set32(RegisterKind.INPUT, 1, 10, 1_000).set32(RegisterKind.INPUT, 1, 12, 100_000)
                .set32(RegisterKind.INPUT, 1, 14, 200);
        hal.clock().setWallMillis(1_800_000_000_000L);
        app = new WellheadApp(slave);
        Board board = Board.builder().definition(BoardLoader.builtIn("wellhead")).app(app).deviceId("w-bench")
                .clock(hal.clock()).storage(hal.storage()).transport(hal.network()).console(hal.console())
                .sensors(hal.sensors()).actuators(hal.actuators()).crypto(hal.crypto()).log(hal.log()).build();
        board.boot();
        context = board.context();
        readings = context.readings();
        scanCycle();
        if (!app.wellhead().valveOpen()) {
            throw new IllegalStateException("valve did not open");
        }
    }

    @Benchmark
    public int scanCycle() {
        hal.clock().advance(1_000);
        readings.sample(hal.sensors(), hal.clock().monotonicMillis());
        app.sampleTick(context, readings);
        return app.wellhead().cycles();
    }
}
