package io.fieldlink.host.alert;

import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.prediction.anomaly.AnomalyMonitor;
import io.fieldlink.host.prediction.anomaly.Finding;
import io.fieldlink.host.prediction.runway.Runway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Evaluates the alert rules. As a {@link StoredUplinkListener} it only queues each newly stored
 * uplink (a bounded queue; when full the uplink is skipped for alerting and counted, never failing
 * the commit). {@link #drain} (one scheduler thread) runs the queued readings and events through
 * the threshold rules and the {@link AnomalyMonitor}; {@link #checkDevices} and
 * {@link #checkRunway} are run periodically for the offline and low-runway rules. Alert keys:
 * {@code threshold/<device>/<rule>}, {@code offline/<device>}, {@code low-runway/<device>/<days>d},
 * {@code anomaly/<device>/<pattern>/<channel>}.
 */
public final class AlertEngine implements StoredUplinkListener {
    private final AlertBook book;
    private final AnomalyMonitor monitor;
    private final Supplier<AlertSettings> settings;
    private final BlockingQueue<Uplink> queue;
    private final Map<String, Long> beyondSince = new HashMap<>();
    private final AtomicLong skipped = new AtomicLong();

    /**
     * @param queueCapacity uplinks that may wait for {@link #drain}
     */
    public AlertEngine(AlertBook book, AnomalyMonitor monitor, Supplier<AlertSettings> settings, int queueCapacity) {
        this.book = book;
        this.monitor = monitor;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
    }

    /** Queues the uplink; O(1), never blocks, never throws. */
    @Override
    public void stored(Uplink uplink) {
        if (!queue.offer(uplink)) {
            skipped.incrementAndGet();
        }
    }

    /** @return uplinks not evaluated because the queue was full */
    public long skipped() {
        return skipped.get();
    }

    /**
     * Evaluates everything queued. One thread at a time.
     *
     * @return uplinks evaluated
     */
    public synchronized int drain() {
        List<Uplink> batch = new ArrayList<>();
        queue.drainTo(batch);
        List<ThresholdRule> rules = settings.get().thresholds();
        for (Uplink u : batch) {
            List<Reading> readings = new ArrayList<>(u.readings());
            readings.sort((a, b) -> Long.compare(a.timeMillis(), b.timeMillis()));
            for (Event e : u.events()) {
                apply(monitor.event(u.device(), e.type(), e.timeMillis(), e.body()));
            }
            for (Reading r : readings) {
                for (ThresholdRule rule : rules) {
                    if (rule.covers(u.device(), r.channel())) {
                        threshold(rule, u.device(), r);
                    }
                }
                apply(monitor.reading(u.device(), r.channel(), r.timeMillis(), r.value()));
            }
        }
        return batch.size();
    }

    private void threshold(ThresholdRule rule, String device, Reading r) {
        String key = "threshold/" + device + "/" + rule.name();
        if (!rule.beyond(r.value())) {
            beyondSince.remove(key);
            book.clear(key, r.timeMillis());
            return;
        }
        long since = beyondSince.computeIfAbsent(key, k -> r.timeMillis());
        if (r.timeMillis() - since >= rule.holdMillis()) {
            Map<String, String> ev = new LinkedHashMap<>();
            ev.put("channel", rule.channel());
            ev.put("value", Double.toString(r.value()));
            ev.put("limit", (rule.above() ? "> " : "< ") + rule.limit());
            ev.put("beyondSince", Long.toString(since));
            ev.put("heldSeconds", Long.toString((r.timeMillis() - since) / 1000));
            book.raise(key, AlertKind.THRESHOLD, device, rule.channel() + (rule.above() ? " above " : " below ")
                    + rule.limit() + " for " + (r.timeMillis() - since) / 1000 + " s (rule " + rule.name() + ")", ev,
                    r.timeMillis());
        }
    }

    private void apply(List<Finding> findings) {
        for (Finding f : findings) {
            String key = "anomaly/" + f.key();
            if (f.raised()) {
                book.raise(key, AlertKind.ANOMALY, f.device(), f.pattern() + " on " + f.channel(), f.evidence(),
                        f.timeMillis());
            } else {
                book.clear(key, f.timeMillis());
            }
        }
    }

    /**
     * The offline rule. The alert says since when the device is silent, not for how long: how long is
     * derivable from it, and text that changed on every pass would re-save every offline device's
     * alert every minute (one durable write each).
     *
     * @param lastSeen device id → epoch ms last heard from (0 = never: not judged)
     */
    public void checkDevices(Map<String, Long> lastSeen, long now, long offlineAfterMillis) {
        for (Map.Entry<String, Long> e : lastSeen.entrySet()) {
            String key = "offline/" + e.getKey();
            long seen = e.getValue();
            if (seen > 0 && now - seen > offlineAfterMillis) {
                Map<String, String> ev = new LinkedHashMap<>();
                ev.put("lastSeen", Long.toString(seen));
                ev.put("offlineAfterSeconds", Long.toString(offlineAfterMillis / 1000));
                book.raise(key, AlertKind.OFFLINE, e.getKey(), "not heard from since " + Instant.ofEpochMilli(seen), ev,
                        now);
            } else if (seen > 0) {
                book.clear(key, now);
            }
        }
    }

    /**
     * The low-runway rule for one meter: an alert per reminder level reached (a new level clears
     * the previous one, so each of 7, 3, 1 days notifies once); no reminder clears them all.
     */
    public void checkRunway(String device, Runway runway, long balanceMilli, long now) {
        String prefix = "low-runway/" + device + "/";
        String key = prefix + runway.reminderDays() + "d";
        for (String k : book.activeKeys(prefix)) {
            if (runway.reminderDays() == 0 || !k.equals(key)) {
                book.clear(k, now);
            }
        }
        if (runway.reminderDays() > 0) {
            Map<String, String> ev = new LinkedHashMap<>();
            ev.put("balanceMilli", Long.toString(balanceMilli));
            ev.put("dailyRateMilli", Long.toString(runway.dailyRateMilli()));
            ev.put("hoursLeft", Long.toString(runway.hoursLeft()));
            ev.put("reminderDays", Integer.toString(runway.reminderDays()));
            book.raise(key, AlertKind.LOW_RUNWAY, device, "credit runs out in " + runway.hoursLeft() + " h (within "
                    + runway.reminderDays() + " days)", ev, now);
        }
    }
}
