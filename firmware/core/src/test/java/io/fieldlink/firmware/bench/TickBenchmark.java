package io.fieldlink.firmware.bench;

import io.fieldlink.firmware.hal.memory.MemoryClock;
import io.fieldlink.firmware.hal.memory.MemoryLog;
import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.journal.JournalCursor;
import io.fieldlink.firmware.kernel.EventLoop;
import io.fieldlink.firmware.uplink.BatchWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The board's steady-state tick on the in-memory HAL: one event-loop turn with 8 periodic timers
 * pending, one journal append (with an acknowledge every 64), and the uplink's batch encoding of
 * 32 records. Run with {@code -prof gc}: the budget is 0 bytes per operation.
 */
@State(Scope.Thread)
public class TickBenchmark {
    private final MemoryClock clock = new MemoryClock();
    private final byte[] payload = new byte[40];
    private EventLoop loop;
    private Journal journal;
    private Journal full;
    private JournalCursor cursor;
    private BatchWriter batch;
    private long ran;

    @Setup
    public void setUp() {
        loop = new EventLoop(clock, new MemoryLog(16), 16);
        for (int i = 0; i < 8; i++) {
            final long period = 1 + i;
            loop.schedule(new Runnable() {
                @Override
                public void run() {
                    ran++;
                    loop.schedule(this, period);
                }
            }, period);
        }
        journal = open();
        full = open();
        for (int i = 0; i < 32; i++) {
            full.append(3, 1_700_000_000_000L + i, payload, 0, payload.length);
        }
        cursor = full.cursor();
        batch = new BatchWriter(1100, 32);
    }

    private static Journal open() {
        MemoryStorage s = new MemoryStorage().addArea("journal", 64 * 1024).addArea("snapshot", 4 * 1024);
        return Journal.open(s.area("journal"), s.area("snapshot"));
    }

    @Benchmark
    public int eventLoopTurn() {
        clock.advance(1);
        return loop.runDue();
    }

    @Benchmark
    public long journalAppend() {
        long seq = journal.append(3, 1_700_000_000_000L, payload, 0, payload.length);
        if ((seq & 63) == 0) {
            journal.acknowledge(seq);
        }
        return seq;
    }

    @Benchmark
    public int uplinkBatchOf32() {
        return batch.fill(cursor);
    }
}
