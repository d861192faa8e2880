package io.fieldlink.simulator;

import io.fieldlink.simulator.fleet.Fleet;
import io.fieldlink.simulator.fleet.FleetClock;
import io.fieldlink.simulator.fleet.FleetSpec;
import io.fieldlink.simulator.net.AckingSink;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * Load generator for the simulator's memory and speed with no host: builds a fleet of N virtual
 * boards of one kind on the {@link AckingSink} (every request acknowledged in-process), runs it in
 * virtual time, and prints the retained heap per board (used heap after a full GC, with the fleet
 * minus without, divided by N; the report's sent-record bookkeeping is off), the emulated flash per
 * board within it, and boards built per second, uplinks and board-days per second of wall time and
 * CPU seconds per simulated board-day. Run with the serial GC and a fixed heap for steady figures:
 *
 * <pre>
 * java -XX:+UseSerialGC -Xms4g -Xmx4g -cp simulator/target/fieldlink-simulator.jar \
 *     io.fieldlink.simulator.HeapPerBoard meter 10000 1
 * </pre>
 *
 * Arguments: kind (meter, pump, well), boards, simulated days (fractional allowed), then optional
 * meter sample seconds, meter telemetry seconds and the smallest meter top-up in milli-units.
 */
public final class HeapPerBoard {
    private static final long START = 1_790_000_000_000L;

    private HeapPerBoard() {
    }

    @SuppressForbidden(reason = "a load generator prints its figures")
    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !args[0].matches("meter|pump|well")) {
            System.err.println("usage: HeapPerBoard meter|pump|well BOARDS DAYS [METER_SAMPLE_S TELEMETRY_S TOP_UP_MILLI]");
            System.exit(2);
        }
        String kind = args[0];
        int n = Integer.parseInt(args[1]);
        double days = Double.parseDouble(args[2]);
        long sample = args.length > 3 ? Long.parseLong(args[3]) * 1000 : 900_000L;
        long telemetry = args.length > 4 ? Long.parseLong(args[4]) * 1000 : 3_600_000L;
        long topUp = args.length > 5 ? Long.parseLong(args[5]) : new FleetSpec().meterTopUpMilli;
        run(kind, Math.min(n, 50), 0.05, sample, telemetry, topUp); // warm-up: classes loaded, code compiled
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        Result r = run(kind, n, days, sample, telemetry, topUp);
        long cpu = cpuNanos() - cpu0;
        double wall = (System.nanoTime() - t0) / 1e9;
        long after = usedAfterGc(memory);
        double boardDays = (double) n * days;
        System.out.printf(Locale.ROOT, "%s x %d, %.2f simulated days (meter sample %d s, pack %d s, top-up from %d milli),"
                + " no host%n", kind, n, days, sample / 1000, telemetry / 1000, topUp);
        System.out.printf(Locale.ROOT, "  heap per board      %,d B (of which emulated flash %,d B)%n",
                (after - before) / n, r.fleet.flashBytes() / n);
        System.out.printf(Locale.ROOT, "  build + provision   %.1f s (%,.0f boards/s)%n", r.buildSeconds, n / r.buildSeconds);
        System.out.printf(Locale.ROOT, "  run                 %.1f s wall, %.1f s CPU; %,d uplinks (%,.0f/s); %,.0f board-days/s;"
                + " %.2f ms CPU per board-day%n", r.runSeconds, cpu / 1e9, r.fleet.uplinks(), r.fleet.uplinks() / r.runSeconds,
                boardDays / r.runSeconds, cpu / 1e6 / boardDays);
        System.out.printf(Locale.ROOT, "  whole               %.1f s wall%n", wall);
        Reference.reachabilityFence(r);
    }

    private record Result(Fleet fleet, double buildSeconds, double runSeconds) {
    }

    private static Result run(String kind, int n, double days, long sample, long telemetry, long topUp)
            throws Exception {
        FleetSpec spec = new FleetSpec();
        spec.meters = kind.equals("meter") ? n : 0;
        spec.pumps = kind.equals("pump") ? n : 0;
        spec.wells = kind.equals("well") ? n : 0;
        spec.idPrefix = "heap-";
        spec.meterSampleMillis = sample;
        spec.meterTelemetryMillis = telemetry;
        spec.meterTopUpMilli = topUp;
        spec.bootSpreadMillis = 15 * 60_000L;
        FleetClock clock = new FleetClock(START, 0);
        long t0 = System.nanoTime();
        Fleet fleet = new Fleet(spec, clock, new AckingSink(clock::hostMillis), Issuer.forSeed(1), null);
        fleet.connect((id, k) -> new byte[16]);
        double build = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        fleet.runUntil(START + (long) (days * 86_400_000L), () -> false);
        return new Result(fleet, build, (System.nanoTime() - t1) / 1e9);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }
}
