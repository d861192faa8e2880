package io.fieldlink.simulator.fleet;

import java.util.Arrays;
import java.util.Random;

/**
 * Fleet-wide partitions (the whole backhaul down, 5 min - 2 h), a Poisson process on the fleet's own
 * generator, drawn as far as anyone has asked: gap, length, gap, length, ... from the fleet's start.
 * Every shard asks about its own boards' times, so the intervals must not depend on how far any
 * shard ran: they are a function of the seed alone. Thread-safe.
 */
final class FleetPartitions {
    private final Random faults;
    private final double perDay;
    /** Start and end of each partition drawn so far, fleet time. */
    private long[] spans = new long[16];
    private int count;
    /** The start of the next partition (drawn, its length not yet). */
    private long nextStart;
    /** Everything before this is drawn (volatile: read without the lock). */
    private volatile long drawnTo;
    private volatile long[] published = new long[0];

    FleetPartitions(long seed, double perDay, long start) {
        this.faults = new Random(seed * 0x2545F4914F6CDD1DL + 0x632BE59BD9B4E019L);
        this.perDay = perDay;
        this.nextStart = perDay > 0 ? start + gap() : Long.MAX_VALUE;
        this.drawnTo = nextStart;
    }

    private long gap() {
        return Math.max(1, (long) (-Math.log(1 - faults.nextDouble()) / perDay * 86_400_000L));
    }

    /** @return whether fleet time {@code t} is inside a fleet-wide partition */
    boolean covers(long t) {
        if (perDay <= 0) {
            return false;
        }
        long[] s = t < drawnTo ? published : drawTo(t);
        for (int i = s.length - 2; i >= 0; i -= 2) {
            if (t >= s[i] && t < s[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private synchronized long[] drawTo(long t) {
        while (nextStart <= t) {
            long from = nextStart;
            long to = from + 300_000L + faults.nextInt(2 * 3_600_000 - 300_000);
            if (2 * count + 2 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[2 * count] = from;
            spans[2 * count + 1] = to;
            count++;
            nextStart = from + gap();
        }
        long[] s = Arrays.copyOf(spans, 2 * count);
        published = s;
        drawnTo = nextStart;
        return s;
    }
}
