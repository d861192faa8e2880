package io.fieldlink.protocol.bench;

import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlPack;
import io.fieldlink.protocol.senml.SenmlResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The host's ingest decode of an {@code up} batch (what {@code BatchReader.read} asks of the protocol
 * module): {@link UplinkBatch#decode}, then each record's telemetry pack and its resolution. The batch
 * is the one {@code IngestLoad} sends: 6 or 20 records, each a SenML pack of voltage, current and an
 * energy sum with a base name.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UplinkBatchBenchmark {
    private static final long BASE_MS = 1_790_000_000_000L;

    @Param({"20"})
    public int records;

    private byte[] encoded;

    @Setup
    public void setUp() {
        List<UplinkRecord> list = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            long seq = 1000 + i;
            SenmlPack p = new SenmlPack();
            p.add().baseName("m:").name("voltage").unit("V").value(229.5 + (seq % 7));
            p.add().name("current").unit("A").value(1.25);
            p.add().name("energy").unit("Wh").sum(1000 + seq);
            list.add(UplinkRecord.telemetry(seq, BASE_MS + seq * 1000, p));
        }
        encoded = new UplinkBatch(list).encode();
    }

    @Benchmark
    public UplinkBatch decodeBatch() {
        return UplinkBatch.decode(encoded);
    }

    /** Decode, then every record's pack resolved against its occurrence time, as the host's ingest does. */
    @Benchmark
    public int decodeAndResolve() {
        UplinkBatch b = UplinkBatch.decode(encoded);
        int n = 0;
        for (int i = 0; i < b.size(); i++) {
            UplinkRecord r = b.get(i);
            n += SenmlResolver.resolve(r.telemetry(), r.occurredAtMs() / 1000.0).size();
        }
        return n;
    }
}
