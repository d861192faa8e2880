package io.fieldlink.host.bench;

import io.fieldlink.host.ingest.BatchReader;
import io.fieldlink.host.ingest.ReferenceBatchReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The thread CPU time of reading one {@code up} batch (the batch {@code IngestLoad} sends), the
 * one-pass {@link BatchReader} against {@link ReferenceBatchReader}, in alternating rounds in one
 * JVM: on this shared machine wall-clock JMH scores swing with other engineers' load, a thread's own
 * CPU time much less. Usage: {@code java -cp <host test classpath> io.fieldlink.host.bench.BatchReadCpu
 * [RECORDS...]} (default 6 20); prints the median, p10 and p90 of 30 rounds of 5,000 reads each.
 */
public final class BatchReadCpu {
    private static final int ROUNDS = 30;
    private static final int READS = 5_000;

    private BatchReadCpu() {
    }

    public static void main(String[] args) {
        String[] sizes = args.length > 0 ? args : new String[] {"6", "20"};
        for (String s : sizes) {
            run(Integer.parseInt(s));
        }
    }

    private static void run(int records) {
        byte[] batch = BatchReadBenchmark.meterBatch(records, 1_790_000_000_000L);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 100_000; i++) {
            sink += BatchReader.read(batch, "m-1", 1).size() + ReferenceBatchReader.read(batch, "m-1", 1).size();
        }
        long[] onePass = new long[ROUNDS];
        long[] reference = new long[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < READS; i++) {
                sink += BatchReader.read(batch, "m-1", 1).size();
            }
            long c1 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < READS; i++) {
                sink += ReferenceBatchReader.read(batch, "m-1", 1).size();
            }
            long c2 = threads.getCurrentThreadCpuTime();
            onePass[r] = (c1 - c0) / READS;
            reference[r] = (c2 - c1) / READS;
        }
        Arrays.sort(onePass);
        Arrays.sort(reference);
        System.out.printf("%d records: one pass %,d ns CPU per batch (p10 %,d, p90 %,d); reference %,d (p10 %,d, p90 %,d)%s%n",
                records, onePass[ROUNDS / 2], onePass[ROUNDS / 10], onePass[ROUNDS * 9 / 10], reference[ROUNDS / 2],
                reference[ROUNDS / 10], reference[ROUNDS * 9 / 10], sink == 42 ? " " : "");
    }
}
