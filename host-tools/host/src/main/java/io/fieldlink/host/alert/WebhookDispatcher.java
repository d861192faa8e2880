package io.fieldlink.host.alert;

import io.fieldlink.host.json.JsonWriter;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Notifies every webhook of each alert change: {@link #enqueue} queues one delivery per webhook,
 * {@link #runDue} (called by a scheduler, e.g. every second) sends the deliveries that are due. A
 * delivery that fails (no answer or a non-2xx status) is retried after base·2^(n−1), at most
 * {@code cap}, until {@code maxAttempts}; then it is dropped and counted. Time comes from the given
 * clock, so tests drive retries without waiting. Pending deliveries are written to a
 * {@link DeliveryStore} when queued, after each failed attempt (attempts and next due time) and
 * removed once sent or dropped; a dispatcher built on the same store after a restart picks them up
 * with their due times, so a delivery is sent at least once (twice if the host stops between a 2xx
 * answer and its removal). Thread-safe; sending and store writes happen outside the lock.
 */
public final class WebhookDispatcher {
    private final Supplier<List<Webhook>> webhooks;
    private final WebhookSender sender;
    private final Clock clock;
    private final long baseMillis;
    private final long capMillis;
    private final int maxAttempts;
    private final DeliveryStore store;
    private final List<Delivery> pending = new ArrayList<>();
    private long nextId = 1;
    private long delivered;
    private long dropped;

    /**
     * @param webhooks the webhooks configured now
     * @param baseMillis first retry delay, positive
     * @param capMillis longest retry delay, at least base
     * @param maxAttempts attempts before a delivery is dropped, at least 1
     */
    public WebhookDispatcher(Supplier<List<Webhook>> webhooks, WebhookSender sender, Clock clock, long baseMillis,
            long capMillis, int maxAttempts) {
        this(webhooks, sender, clock, baseMillis, capMillis, maxAttempts, DeliveryStore.inMemory());
    }

    /**
     * A dispatcher that keeps its pending deliveries in {@code store} and resumes those found there.
     *
     * @param baseMillis first retry delay, positive
     * @param capMillis longest retry delay, at least base
     * @param maxAttempts attempts before a delivery is dropped, at least 1
     */
    public WebhookDispatcher(Supplier<List<Webhook>> webhooks, WebhookSender sender, Clock clock, long baseMillis,
            long capMillis, int maxAttempts, DeliveryStore store) {
        if (baseMillis <= 0 || capMillis < baseMillis || maxAttempts < 1) {
            throw new IllegalArgumentException("retry needs 0 < base <= cap and at least one attempt");
        }
        this.webhooks = webhooks;
        this.sender = sender;
        this.clock = clock;
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.maxAttempts = maxAttempts;
        this.store = store;
        for (PendingDelivery d : store.pendingDeliveries()) {
            Delivery x = new Delivery(d.id(), d.url(), d.body(), d.dueMillis());
            x.attempts = d.attempts();
            pending.add(x);
            nextId = Math.max(nextId, d.id() + 1);
        }
        if (!pending.isEmpty()) {
            Logger.info("webhooks: {} pending deliveries resumed", pending.size());
        }
    }

    /** A delivery waiting: where, what, how many attempts so far, when next. */
    private static final class Delivery {
        final long id;
        final String url;
        final String body;
        int attempts;
        long due;

        Delivery(long id, String url, String body, long due) {
            this.id = id;
            this.url = url;
            this.body = body;
            this.due = due;
        }
    }

    /** Queues a notification of {@code alert}'s current state to every webhook, due now. */
    public void enqueue(Alert alert) {
        String body = AlertJson.write(new JsonWriter().beginObject().field("event", "alert." + alert.state().wireName())
                .name("alert"), alert).endObject().toString();
        long now = clock.millis();
        List<Delivery> added = new ArrayList<>();
        synchronized (this) {
            for (Webhook h : webhooks.get()) {
                added.add(new Delivery(nextId++, h.url(), body, now));
            }
        }
        persist(added);
        synchronized (this) {
            pending.addAll(added);
        }
    }

    private void persist(List<Delivery> ds) {
        List<PendingDelivery> out = new ArrayList<>();
        for (Delivery d : ds) {
            out.add(new PendingDelivery(d.id, d.url, d.body, d.attempts, d.due));
        }
        try {
            store.savePending(out);
        } catch (RuntimeException e) {
            Logger.error(e, "webhooks: cannot save {} pending deliveries; they are kept in memory only", out.size());
        }
    }

    private void forget(Delivery d) {
        try {
            store.deletePending(d.id);
        } catch (RuntimeException e) {
            Logger.error(e, "webhooks: cannot remove delivery {} from the store; it may be sent again after a restart", d.id);
        }
    }

    /**
     * Sends every delivery that is due.
     *
     * @return deliveries attempted
     */
    public int runDue() {
        long now = clock.millis();
        List<Delivery> due = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Delivery> it = pending.iterator(); it.hasNext();) {
                Delivery d = it.next();
                if (d.due <= now) {
                    due.add(d);
                    it.remove();
                }
            }
        }
        for (Delivery d : due) {
            d.attempts++;
            String failure = null;
            try {
                int status = sender.post(d.url, d.body);
                if (status < 200 || status > 299) {
                    failure = "HTTP " + status;
                }
            } catch (IOException e) {
                failure = e.toString();
            }
            if (failure == null || d.attempts >= maxAttempts) {
                forget(d);
                synchronized (this) {
                    if (failure == null) {
                        delivered++;
                    } else {
                        dropped++;
                        Logger.warn("webhook {}: dropped after {} attempts, last: {}", d.url, d.attempts, failure);
                    }
                }
            } else {
                int doublings = Math.min(d.attempts - 1, 30);
                d.due = clock.millis() + Math.min(capMillis, baseMillis << doublings);
                persist(List.of(d));
                synchronized (this) {
                    pending.add(d);
                }
                Logger.info("webhook {}: attempt {} failed ({}), retry at {}", d.url, d.attempts, failure, d.due);
            }
        }
        return due.size();
    }

    /** @return deliveries waiting (due or not) */
    public synchronized int pending() {
        return pending.size();
    }

    /** @return the earliest due time of a waiting delivery, or {@link Long#MAX_VALUE} */
    public synchronized long nextDue() {
        long next = Long.MAX_VALUE;
        for (Delivery d : pending) {
            next = Math.min(next, d.due);
        }
        return next;
    }

    /** @return deliveries answered with 2xx since start */
    public synchronized long delivered() {
        return delivered;
    }

    /** @return deliveries given up since start */
    public synchronized long dropped() {
        return dropped;
    }
}
