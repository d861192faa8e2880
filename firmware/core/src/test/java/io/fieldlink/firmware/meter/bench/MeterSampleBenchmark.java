package io.fieldlink.firmware.meter.bench;

import io.fieldlink.firmware.meter.CreditClaim;
import io.fieldlink.firmware.meter.Meter;
import io.fieldlink.firmware.meter.MeterConfig;
import io.fieldlink.firmware.meter.MeterSample;
import io.fieldlink.firmware.meter.MeterStore;
import io.fieldlink.firmware.meter.Tariff;
import io.fieldlink.firmware.meter.WeekMask;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One steady-state sample cycle (integrate, charge, rules, periodic commit to a RAM store); run with -prof gc. */
@State(Scope.Thread)
public class MeterSampleBenchmark {
    private Meter meter;
    private final MeterSample sample = new MeterSample().set(230_000, 4_000, 980, 50_000, 900_000);
    private long now = 1_795_392_000_000L;

    @Setup
    public void setUp() {
        final byte[] slot = new byte[2048];
        final int[] len = {-1};
        MeterStore store = new MeterStore() {
            @Override
            public int load(byte[] into) {
                if (len[0] < 0) {
                    return -1;
                }
                System.arraycopy(slot, 0, into, 0, len[0]);
                return len[0];
            }

            @Override
            public void commit(byte[] data, int n) {
                System.arraycopy(data, 0, slot, 0, n);
                len[0] = n;
            }
        };
        MeterConfig config = MeterConfig.builder(Tariff.builder(1).band(WeekMask.EVERY_DAY, 0, 24, 150_457).build())
                .persistIntervalMillis(60_000).build();
        meter = new Meter(config, store, (t, n) -> CreditClaim.ok(1, 1_000_000_000_000L), (k, a, v, r) -> { });
        meter.boot(now);
        meter.redeem("x", now);
    }

    @Benchmark
    public long sampleCycle() {
        now += 1000;
        meter.onSample(sample, now);
        return meter.balance();
    }
}
