package io.fieldlink.simulator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (or SIGTERM) for a command that runs until stopped: the JVM's shutdown hook asks the run to
 * stop and waits up to 30 s for it to say it has finished, so the boards' journals and the host's
 * data are closed cleanly.
 */
final class GracefulStop {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

    /** Installs the hook, on a thread named {@code name}. */
    GracefulStop(String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.set(true);
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name));
    }

    /** @return whether a stop was asked for */
    boolean requested() {
        return requested.get();
    }

    /** The run has closed everything: the hook may let the JVM exit. */
    void finished() {
        finished.countDown();
    }
}
