package io.fieldlink.firmware.pump.bench;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.kernel.Readings;
import io.fieldlink.firmware.pump.DispenseState;
import io.fieldlink.firmware.pump.PumpApp;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One steady pump sample tick during a fill, as the kernel runs it: sample every channel into
 * {@link Readings}, then {@link PumpApp#sampleTick} (nozzle, new flow pulses, storage pressure,
 * timeouts), with the clock 200 ms on. A walk-in fill of 200 kg at 10^6 pulses/kg and 10 pulses a
 * tick cannot end within an iteration; each iteration starts a fresh fill.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PumpFillTickBenchmark {
    private MemoryHal hal;
    private PumpApp app;
    private BoardContext context;
    private Readings readings;
    private long pulses;

    @Setup(Level.Iteration)
    public void setUp() {
        hal = new MemoryHal();
        hal.sensors().set("flow_pulses", 0).set("dispensed_mass", 0).set("storage_pressure", 2000).set("nozzle", 0);
        hal.actuators().add("valve").add("buzzer");
        Settings s = new Settings(hal.storage().area("settings"));
        s.put("config.walk_in", "true");
        s.put("config.max_fill", "200000");
        s.put("config.pulses_per_kg", "1000000");
        s.commit();
        hal.clock().setWallMillis(1_800_000_000_000L);
        app = new PumpApp();
        Board board = Board.builder().definition(BoardLoader.builtIn("pump")).app(app).deviceId("p-bench")
                .clock(hal.clock()).storage(hal.storage()).transport(hal.network()).console(hal.console())
                .sensors(hal.sensors()).actuators(hal.actuators()).crypto(hal.crypto()).log(hal.log()).build();
        board.boot();
        context = board.context();
        readings = context.readings();
        pulses = 0;
        tick();
        app.station().walkIn(hal.clock().wallMillis());
        hal.sensors().set("nozzle", 1);
        tick();
        if (app.station().state() != DispenseState.DISPENSING) {
            throw new IllegalStateException("fill did not start: " + app.station().state());
        }
    }

    @Benchmark
    public long fillTick() {
        pulses += 10;
        hal.sensors().set("flow_pulses", pulses);
        hal.clock().advance(200);
        return tick();
    }

    private long tick() {
        readings.sample(hal.sensors(), hal.clock().monotonicMillis());
        app.sampleTick(context, readings);
        return app.station().fillGrams();
    }
}
