package io.fieldlink.hil.rig;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition with a deadline (a short park between checks, so two shared cores stay free). */
public final class Poll {
    private Poll() {
    }

    /**
     * @param what the condition, for the failure message
     * @param timeout how long to wait at most
     * @param condition checked until true
     * @throws AssertionError naming {@code what} at the deadline
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
