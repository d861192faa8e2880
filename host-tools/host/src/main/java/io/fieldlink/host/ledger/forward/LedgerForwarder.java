package io.fieldlink.host.ledger.forward;

import io.fieldlink.host.ledger.Checkpoint;
import io.fieldlink.host.ledger.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tinylog.Logger;

/**
 * Delivers the ledger to every configured endpoint: each entry and each checkpoint, in ledger order
 * (a checkpoint after the entries it covers), at least once, keyed {@code <ledger>:entry:<index>} or
 * {@code <ledger>:checkpoint:<index>} so the endpoint can drop repeats. A failing endpoint is retried
 * with back-off and does not hold up the others. Cursors are saved after each step, so a restart
 * resumes where delivery got to. Driven by {@link #step(long)} with the time; not thread-safe.
 */
public final class LedgerForwarder {
    /** One endpoint's delivery state. */
    public record Status(long entriesDelivered, long checkpointsDelivered, int failures, long nextAttemptMillis, String lastError) {
    }

    private final String ledgerId;
    private final Ledger ledger;
    private final CursorStore cursors;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final int batch;
    private final Map<String, Outbox> outboxes = new LinkedHashMap<>();

    public LedgerForwarder(String ledgerId, Ledger ledger, Map<String, Delivery> endpoints, CursorStore cursors,
            Backoff backoff, RandomGenerator random, int batch) throws IOException {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, was " + batch);
        }
        this.ledgerId = ledgerId;
        this.ledger = ledger;
        this.cursors = cursors;
        this.backoff = backoff;
        this.random = random;
        this.batch = batch;
        for (Map.Entry<String, Delivery> endpoint : endpoints.entrySet()) {
            outboxes.put(endpoint.getKey(), new Outbox(endpoint.getValue(), cursors.load(endpoint.getKey())));
        }
    }

    /**
     * Delivers what is due at {@code nowMillis}, up to the batch size per endpoint.
     *
     * @return when to call again: now-ish when an endpoint has more to send, the earliest retry time
     *     when some are backing off, or {@link Long#MAX_VALUE} when every endpoint is caught up
     */
    public long step(long nowMillis) {
        long next = Long.MAX_VALUE;
        for (Map.Entry<String, Outbox> named : outboxes.entrySet()) {
            Outbox outbox = named.getValue();
            if (outbox.nextAttemptMillis <= nowMillis) {
                deliverBatch(named.getKey(), outbox, nowMillis);
            }
            if (outbox.failures > 0) {
                next = Math.min(next, outbox.nextAttemptMillis);
            } else if (pending(outbox.cursor)) {
                next = Math.min(next, nowMillis);
            }
        }
        return next;
    }

    private void deliverBatch(String endpoint, Outbox outbox, long nowMillis) {
        CursorStore.Cursor start = outbox.cursor;
        for (int i = 0; i < batch && pending(outbox.cursor); i++) {
            CursorStore.Cursor cursor = outbox.cursor;
            String key;
            String json;
            CursorStore.Cursor after;
            long checkpoints = ledger.checkpointCount();
            Checkpoint checkpoint = cursor.checkpoints() < checkpoints ? ledger.checkpointAt(cursor.checkpoints()) : null;
            if (checkpoint != null && checkpoint.size() <= cursor.entries()) {
                key = ledgerId + ":checkpoint:" + cursor.checkpoints();
                json = LedgerRecords.checkpoint(ledgerId, checkpoint);
                after = new CursorStore.Cursor(cursor.entries(), cursor.checkpoints() + 1);
            } else {
                long index = cursor.entries();
                key = ledgerId + ":entry:" + index;
                json = LedgerRecords.entry(ledgerId, index, ledger.entry(index), ledger.leafHash(index));
                after = new CursorStore.Cursor(index + 1, cursor.checkpoints());
            }
            String failure = attempt(outbox.delivery, key, json);
            if (failure != null) {
                outbox.failures++;
                outbox.lastError = failure;
                outbox.nextAttemptMillis = nowMillis + backoff.delay(outbox.failures, random);
                Logger.warn("ledger forwarding to {} failed ({} in a row): {}", endpoint, outbox.failures, failure);
                break;
            }
            outbox.cursor = after;
            outbox.failures = 0;
            outbox.nextAttemptMillis = 0;
        }
        if (!outbox.cursor.equals(start)) {
            try {
                cursors.save(endpoint, outbox.cursor);
            } catch (IOException e) {
                throw new UncheckedIOException("could not save the forwarding cursor of " + endpoint, e);
            }
        }
    }

    private static String attempt(Delivery delivery, String key, String json) {
        try {
            return delivery.deliver(key, json);
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private boolean pending(CursorStore.Cursor cursor) {
        return cursor.entries() < ledger.size() || cursor.checkpoints() < ledger.checkpointCount();
    }

    public Map<String, Status> status() {
        Map<String, Status> status = new LinkedHashMap<>();
        for (Map.Entry<String, Outbox> named : outboxes.entrySet()) {
            Outbox o = named.getValue();
            status.put(named.getKey(), new Status(o.cursor.entries(), o.cursor.checkpoints(), o.failures, o.nextAttemptMillis, o.lastError));
        }
        return status;
    }

    private static final class Outbox {
        final Delivery delivery;
        CursorStore.Cursor cursor;
        int failures;
        long nextAttemptMillis;
        String lastError;

        Outbox(Delivery delivery, CursorStore.Cursor cursor) {
            this.delivery = delivery;
            this.cursor = cursor;
        }
    }
}
