package io.fieldlink.protocol.base45.bench;

import io.fieldlink.protocol.base45.Base45;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Base45 decode and encode of a token-sized message (112 bytes, 168 characters). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Base45Benchmark {
    private byte[] bytes;
    private String text;

    @Setup
    public void setUp() {
        bytes = new byte[112];
        new Random(1).nextBytes(bytes);
        text = Base45.encode(bytes);
    }

    @Benchmark
    public byte[] decodeToken() {
        return Base45.decode(text);
    }

    @Benchmark
    public String encodeToken() {
        return Base45.encode(bytes);
    }
}
