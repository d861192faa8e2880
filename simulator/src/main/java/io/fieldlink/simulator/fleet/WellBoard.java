package io.fieldlink.simulator.fleet;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.wellhead.WellheadApp;
import io.fieldlink.firmware.wellhead.modbus.MemoryModbusSlave;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import io.fieldlink.simulator.physics.ArpsDecline;
import io.fieldlink.simulator.physics.Noise;
import io.fieldlink.simulator.physics.SensorFault;
import io.fieldlink.simulator.physics.WellModel;
import java.util.Map;

/**
 * A wellhead: a {@link WellModel} (Arps decline, choke changes every few weeks, slugging, noise)
 * feeds the flow computer's Modbus registers that the wellhead app polls; a closed shut-in valve
 * shuts the well in. Faults: the tubing pressure sensor stuck, noisy or out of range; overpressure (a
 * blocked flowline, which trips the PSH shut-in). A technician comes 4 h after a shut-in, once the
 * pressure is back, logs in on the console and resets the latch.
 */
final class WellBoard extends VirtualBoard {
    private final MemoryModbusSlave flowComputer = new MemoryModbusSlave().addUnit(1);
    private final WellModel model;
    private WellheadApp app;
    private SensorFault sensorFault = SensorFault.NONE;
    private double stuckAt;
    private long sensorFaultUntil;
    private long overpressureUntil;
    private long shutInSince = -1;
    private long step;

    WellBoard(String id, int index, long seed, FleetSpec spec, long start) {
        super(id, index, seed, spec);
        double qi = 80 + 400 * Noise.uniform(seed, 50, 0);
        double di = 0.001 + 0.004 * Noise.uniform(seed, 51, 0);
        double b = 0.3 + 0.6 * Noise.uniform(seed, 52, 0);
        long age = (long) (86_400_000L * 900 * Noise.uniform(seed, 53, 0));
        this.model = new WellModel(seed, start - age, new ArpsDecline(qi, di, b), 80 + 200 * Noise.uniform(seed, 54, 0),
                8_000 + 3_000 * Noise.uniform(seed, 55, 0));
        actuators.add("shutin_valve");
    }

    @Override
    String variant() {
        return "wellhead";
    }

    @Override
    String kind() {
        return "wellhead";
    }

    @Override
    long samplePeriodMillis() {
        return spec.wellSampleMillis;
    }

    /** The built-in wellhead, with the spec's integrity period when it sets one. */
    @Override
    BoardDefinition definition() {
        return spec.wellIntegrityMillis > 0 ? withIntegrity(spec.wellIntegrityMillis / 1000) : super.definition();
    }

    private static final Map<Long, BoardDefinition> WITH_INTEGRITY = new java.util.concurrent.ConcurrentHashMap<>();

    /** The built-in wellhead board file with every channel's {@code integrity_period} set to {@code seconds}. */
    static BoardDefinition withIntegrity(long seconds) {
        return WITH_INTEGRITY.computeIfAbsent(seconds, s -> {
            String file = "/io/fieldlink/boards/wellhead.board";
            try (java.io.InputStream in = BoardLoader.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("no built-in board file " + file);
                }
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                String changed = text.replaceAll("(?m)^integrity_period\\s*=.*$", "integrity_period = " + s + "s");
                if (changed.equals(text)) {
                    throw new IllegalStateException(file + " has no integrity_period to change");
                }
                return BoardLoader.parse("wellhead.board (integrity " + s + " s)", changed);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Override
    void configure(Map<String, String> config) {
        // board defaults: report interval, daily close hour, PIN
    }

    @Override
    BoardApp newApp() {
        app = new WellheadApp(flowComputer);
        return app;
    }

    @Override
    void physics(long now, long dt) {
        step++;
        if (now >= sensorFaultUntil) {
            sensorFault = SensorFault.NONE;
        }
        if (overpressureUntil > 0 && now >= overpressureUntil) {
            model.clearOverpressure();
            overpressureUntil = 0;
        }
        WellModel.Reading r = model.read(now, actuators.get("shutin_valve") != 0);
        double tubing = sensorFault.apply(r.tubingKpa(), stuckAt, 35_000, seed, step);
        flowComputer.set(RegisterKind.HOLDING, 1, 0, clamp16(tubing)).set(RegisterKind.HOLDING, 1, 1, clamp16(r.casingKpa()))
                .set(RegisterKind.INPUT, 1, 2, (int) Math.round(r.temperatureC() * 10) & 0xFFFF)
                .set32(RegisterKind.INPUT, 1, 10, Math.round(r.oilLph()))
                .set32(RegisterKind.INPUT, 1, 12, Math.round(r.gasM3h() * 100))
                .set32(RegisterKind.INPUT, 1, 14, Math.round(r.waterLph()));
    }

    private static int clamp16(double v) {
        return (int) Math.max(0, Math.min(65_535, Math.round(v)));
    }

    @Override
    void world(long now) {
        boolean shutIn = actuators.get("shutin_valve") == 0;
        if (!shutIn) {
            shutInSince = -1;
            return;
        }
        if (shutInSince < 0) {
            shutInSince = now;
        }
        if (now - shutInSince >= 4 * 3_600_000L && overpressureUntil == 0 && sensorFault == SensorFault.NONE) {
            board.context().shell().execute("login 4711");
            board.context().shell().execute("shutin reset");
            board.context().shell().execute("logout");
            shutInSince = now;
        }
    }

    @Override
    void quiesce() {
        sensorFaultUntil = 0;
        if (overpressureUntil > 0) {
            overpressureUntil = 1;
        }
    }

    /** The tubing pressure sensor goes stuck, noisy or out of range for a few hours. */
    void sensorFault(long now) {
        SensorFault[] kinds = {SensorFault.STUCK, SensorFault.NOISY, SensorFault.OUT_OF_RANGE};
        sensorFault = kinds[faults.nextInt(kinds.length)];
        stuckAt = model.read(now, true).tubingKpa();
        sensorFaultUntil = now + 3_600_000L * (1 + faults.nextInt(12));
    }

    /** A blocked flowline for an hour: the pressure ramps up and the PSH shut-in trips. */
    void incident(long now) {
        model.overpressureFrom(now);
        overpressureUntil = now + 3_600_000L;
    }
}
