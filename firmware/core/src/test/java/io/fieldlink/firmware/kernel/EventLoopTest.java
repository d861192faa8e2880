package io.fieldlink.firmware.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.firmware.hal.StorageException;
import io.fieldlink.firmware.hal.memory.MemoryClock;
import io.fieldlink.firmware.hal.memory.MemoryLog;
import io.fieldlink.firmware.hal.memory.PowerLossException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLoopTest {
    private final MemoryClock clock = new MemoryClock();
    private final MemoryLog log = new MemoryLog(10);
    private final EventLoop loop = new EventLoop(clock, log, 2);
    private final List<String> ran = new ArrayList<>();

    private Runnable task(String name) {
        return () -> ran.add(name);
    }

    @Test
    void runsTasksWhenDueInDueOrder() {
        loop.schedule(task("b"), 20);
        loop.schedule(task("a"), 10);
        loop.schedule(task("c"), 30);
        assertThat(loop.runDue()).isZero();
        clock.advance(25);
        assertThat(loop.runDue()).isEqualTo(2);
        assertThat(ran).containsExactly("a", "b");
        assertThat(loop.nextDueMillis()).isEqualTo(30);
    }

    @Test
    void reschedulingReplacesTheDueTime() {
        Runnable t = task("t");
        loop.schedule(t, 10);
        loop.schedule(t, 50);
        clock.advance(10);
        assertThat(loop.runDue()).isZero();
        clock.advance(40);
        loop.runDue();
        assertThat(ran).containsExactly("t");
        assertThat(loop.pending()).isZero();
    }

    @Test
    void cancelRemovesAPendingTask() {
        Runnable t = task("t");
        loop.schedule(t, 0);
        loop.cancel(t);
        assertThat(loop.isScheduled(t)).isFalse();
        assertThat(loop.runDue()).isZero();
    }

    @Test
    void aTaskThatReschedulesItselfRunsOncePerCall() {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            ran.add("x");
            loop.schedule(self[0], 0);
        };
        loop.schedule(self[0], 0);
        assertThat(loop.runDue()).isEqualTo(1);
        assertThat(loop.runDue()).isEqualTo(1);
        assertThat(ran).hasSize(2);
    }

    @Test
    void aFailingTaskIsLoggedAndTheLoopGoesOn() {
        loop.schedule(() -> {
            throw new IllegalStateException("boom");
        }, 0);
        loop.schedule(task("after"), 0);
        assertThat(loop.runDue()).isEqualTo(2);
        assertThat(ran).containsExactly("after");
        assertThat(log.entries()).anyMatch(e -> e.contains("boom"));
    }

    @Test
    void runUntilMovesTheFakeClockThroughEveryDueTime() {
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ran.add("tick@" + clock.monotonicMillis());
            loop.schedule(tick[0], 1000);
        };
        loop.schedule(tick[0], 1000);
        loop.runUntil(3500, clock::advance);
        assertThat(ran).containsExactly("tick@1000", "tick@2000", "tick@3000");
        assertThat(clock.monotonicMillis()).isEqualTo(3500);
    }

    @Test
    void rejectsNegativeDelays() {
        assertThatThrownBy(() -> loop.schedule(task("x"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Verifies that a storage fault is never swallowed: rethrown without a handler, else handed to it. */
    @Test
    void aStorageFaultGoesToTheFaultHandlerOrIsRethrown() {
        loop.schedule(() -> {
            throw new StorageException("flash write failed");
        }, 0);
        assertThatThrownBy(loop::runDue).isInstanceOf(StorageException.class).hasMessage("flash write failed");

        List<StorageException> faults = new ArrayList<>();
        loop.setFaultHandler(faults::add);
        loop.schedule(() -> {
            throw new PowerLossException("power lost");
        }, 0);
        loop.schedule(task("later"), 5);
        loop.runDue();
        assertThat(faults).singleElement().extracting(Throwable::getMessage).isEqualTo("power lost");
        loop.cancelAll();
        clock.advance(10);
        assertThat(loop.runDue()).as("a reset cancels every timer").isZero();
        assertThat(ran).isEmpty();
    }
}
