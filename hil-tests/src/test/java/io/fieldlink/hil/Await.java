package io.fieldlink.hil;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition by polling it with a deadline: the HIL tests watch real boards, real
 * sockets and a real host, so there is nothing to join on. Polls every few milliseconds (parking,
 * not spinning: the suite shares two cores with the boards and the host it is waiting for).
 */
final class Await {
    /** How long a HIL condition may take before the test fails. */
    static final Duration DEFAULT = Duration.ofSeconds(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Await() {
    }

    /** Waits up to {@link #DEFAULT} until {@code condition} holds; fails naming {@code what}. */
    static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    /** Waits up to {@code limit} until {@code condition} holds; fails naming {@code what}. */
    static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting until " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Parks briefly between polls of a loop that does more than test a condition. */
    static void pause() {
        LockSupport.parkNanos(POLL_NANOS);
    }
}
