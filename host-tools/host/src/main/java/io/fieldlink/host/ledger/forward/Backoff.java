package io.fieldlink.host.ledger.forward;

import java.util.random.RandomGenerator;

/** Exponential back-off with jitter: after the n-th failure in a row, wait between half and all of min(cap, base·2^(n-1)). */
public record Backoff(long baseMillis, long capMillis) {
    public Backoff {
        if (baseMillis <= 0 || capMillis < baseMillis) {
            throw new IllegalArgumentException("back-off needs 0 < base <= cap, was " + baseMillis + " and " + capMillis);
        }
    }

    long delay(int failures, RandomGenerator random) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        long ceiling = Math.min(capMillis, baseMillis << doublings);
        if (ceiling <= 0) {
            ceiling = capMillis;
        }
        return ceiling / 2 + random.nextLong(ceiling / 2 + 1);
    }
}
