package io.fieldlink.protocol.bench;

import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.senml.SenmlCbor;
import io.fieldlink.protocol.senml.SenmlPack;
import io.fieldlink.protocol.senml.TenRecordPack;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A 10-record SenML pack: encode into a reused writer, and decode into a reused pack. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SenmlPackBenchmark {
    private final SenmlPack pack = TenRecordPack.build();
    private final CborWriter writer = new CborWriter(512);
    private final byte[] encoded = SenmlCbor.encode(pack);
    private final SenmlPack into = new SenmlPack();

    @Benchmark
    public int encodeReusedWriter() {
        SenmlCbor.encode(pack, writer.reset());
        return writer.size();
    }

    @Benchmark
    public SenmlPack decode() {
        SenmlCbor.decode(encoded, 0, encoded.length, into);
        return into;
    }
}
