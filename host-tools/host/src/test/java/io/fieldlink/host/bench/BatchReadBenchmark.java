package io.fieldlink.host.bench;

import io.fieldlink.host.ingest.BatchReader;
import io.fieldlink.host.ingest.ReferenceBatchReader;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlPack;
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
 * The host's CoAP-thread work per {@code up} batch, from payload to uplinks ready for the committer:
 * {@link BatchReader#read} (one pass) against {@link ReferenceBatchReader} (the reader before it:
 * decode the whole batch, then each record). The batch is the one {@code IngestLoad} sends: 6 or 20
 * records, each a SenML pack of voltage, current and an energy sum with a base name.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BatchReadBenchmark {
    private static final long BASE_MS = 1_790_000_000_000L;

    @Param({"6", "20"})
    public int records;

    private byte[] encoded;

    @Setup
    public void setUp() {
        encoded = meterBatch(records, BASE_MS);
    }

    /** An encoded {@code up} batch of {@code records} telemetry records (voltage, current, energy sum), seqs from 1000. */
    static byte[] meterBatch(int records, long baseMillis) {
        List<UplinkRecord> list = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            long seq = 1000 + i;
            SenmlPack p = new SenmlPack();
            p.add().baseName("m:").name("voltage").unit("V").value(229.5 + (seq % 7));
            p.add().name("current").unit("A").value(1.25);
            p.add().name("energy").unit("Wh").sum(1000 + seq);
            list.add(UplinkRecord.telemetry(seq, baseMillis + seq * 1000, p));
        }
        return new UplinkBatch(list).encode();
    }

    @Benchmark
    public List<Uplink> onePass() {
        return BatchReader.read(encoded, "m-1", BASE_MS);
    }

    @Benchmark
    public List<Uplink> reference() {
        return ReferenceBatchReader.read(encoded, "m-1", BASE_MS);
    }
}
