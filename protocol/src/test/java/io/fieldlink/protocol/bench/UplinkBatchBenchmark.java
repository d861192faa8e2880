package io.fieldlink.protocol.bench;

import io.fieldlink.protocol.record.CborRecord;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkBatchReader;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.ResolvedNames;
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
 * energy sum with a base name. {@code onePassAndResolve} is the same work as the host does it since
 * the one-pass reader: {@link UplinkBatchReader} (one reader, pack and text cache kept), each pack
 * resolved into a kept pack with kept {@link ResolvedNames}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UplinkBatchBenchmark {
    private static final long BASE_MS = 1_790_000_000_000L;

    @Param({"20"})
    public int records;

    private byte[] encoded;
    private final UplinkBatchReader reader = new UplinkBatchReader();
    private final Resolving resolving = new Resolving();

    /** Resolves each pack as the host's per-thread decoder does, counting the resolved records. */
    private static final class Resolving implements UplinkBatchReader.Records {
        final SenmlPack resolved = new SenmlPack();
        final ResolvedNames names = new ResolvedNames();
        int n;

        @Override
        public void restart() {
            n = 0;
        }

        @Override
        public void telemetry(int index, long seq, long occurredAtMs, SenmlPack pack) {
            n += SenmlResolver.resolve(pack, occurredAtMs / 1000.0, resolved, names).size();
        }

        @Override
        public void event(int index, long seq, long occurredAtMs, int kind, CborRecord event) {
            n++;
        }
    }

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

    /** Decode, then every record's pack resolved against its occurrence time, as the host's ingest did before the one-pass reader. */
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

    /** The one-pass reader and resolution into kept packs, as the host's ingest does it now. */
    @Benchmark
    public int onePassAndResolve() {
        resolving.n = 0;
        reader.read(encoded, resolving);
        return resolving.n;
    }
}
