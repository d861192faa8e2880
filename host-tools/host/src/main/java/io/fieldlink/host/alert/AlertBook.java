package io.fieldlink.host.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The alerts and their life cycle. {@link #raise} opens an alert for a key unless one is already
 * open or acknowledged (then it refreshes its message and evidence, saved when they changed; no
 * notification); {@link #clear} clears it;
 * {@link #acknowledge} moves an open alert to acknowledged. Every state change is saved through the
 * repository before it is visible and then handed to the listener (the webhook dispatcher). Loads
 * what was saved on construction, so alerts survive a restart. Thread-safe; repository writes
 * happen under the book's lock, so callers must not hold the store's writer (never call it from a
 * {@code StoredUplinkListener}).
 */
public final class AlertBook {
    private final AlertRepository repository;
    private final Consumer<Alert> listener;
    private final TreeMap<Long, Alert> byId = new TreeMap<>();
    private final Map<String, Long> activeByKey = new HashMap<>();
    private long nextId = 1;

    /**
     * @param listener told of every saved state change (new, acknowledged, cleared); must not block
     */
    public AlertBook(AlertRepository repository, Consumer<Alert> listener) {
        this.repository = repository;
        this.listener = listener;
        reload();
    }

    /**
     * Reads the saved alerts again: call after the store's ingest log was re-applied at start-up
     * (which may bring back alerts saved after the store's last checkpoint). What is saved is always
     * at least what this book holds, since every change is saved before it is held.
     */
    public synchronized void reload() {
        byId.clear();
        activeByKey.clear();
        for (Alert a : repository.alerts()) {
            byId.put(a.id(), a);
            if (a.state() != AlertState.CLEARED) {
                activeByKey.put(a.key(), a.id());
            }
            nextId = Math.max(nextId, a.id() + 1);
        }
    }

    /**
     * Opens an alert for {@code key} unless one is active.
     *
     * @return the new alert, or null when one was already active (its message and evidence are
     *     refreshed and, when they changed, saved before this returns)
     */
    public synchronized Alert raise(String key, AlertKind kind, String device, String message, Map<String, String> evidence,
            long at) {
        Long active = activeByKey.get(key);
        if (active != null) {
            Alert was = byId.get(active);
            if (!was.message().equals(message) || !was.evidence().equals(evidence)) {
                Alert updated = was.updated(message, evidence, at);
                repository.save(updated);
                byId.put(active, updated);
            }
            return null;
        }
        Alert a = new Alert(nextId++, key, kind, device, message, AlertState.OPEN, at, at, "", evidence);
        repository.save(a);
        byId.put(a.id(), a);
        activeByKey.put(key, a.id());
        listener.accept(a);
        return a;
    }

    /** @return the cleared alert, or null when none was active for {@code key} */
    public synchronized Alert clear(String key, long at) {
        Long active = activeByKey.get(key);
        if (active == null) {
            return null;
        }
        Alert a = byId.get(active).cleared(at);
        repository.save(a);
        byId.put(a.id(), a);
        activeByKey.remove(key);
        listener.accept(a);
        return a;
    }

    /**
     * @throws AlertException when there is no such alert or it is not open
     */
    public synchronized Alert acknowledge(long id, String who, long at) {
        Alert a = byId.get(id);
        if (a == null) {
            throw new AlertException("no alert " + id, true);
        }
        if (a.state() != AlertState.OPEN) {
            throw new AlertException("alert " + id + " is " + a.state().wireName() + ", only an open alert can be acknowledged",
                    false);
        }
        Alert acked = a.acknowledged(who, at);
        repository.save(acked);
        byId.put(id, acked);
        listener.accept(acked);
        return acked;
    }

    /** @return whether an alert for {@code key} is open or acknowledged */
    public synchronized boolean isActive(String key) {
        return activeByKey.containsKey(key);
    }

    /** @return the active alert keys starting with {@code prefix} */
    public synchronized List<String> activeKeys(String prefix) {
        List<String> out = new ArrayList<>();
        for (String k : activeByKey.keySet()) {
            if (k.startsWith(prefix)) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * @param state only alerts in this state, or null for all
     * @param device only this device's alerts, or null for all
     * @param limit most alerts returned, newest first
     */
    public synchronized List<Alert> list(AlertState state, String device, int limit) {
        List<Alert> out = new ArrayList<>();
        for (Alert a : byId.descendingMap().values()) {
            if (out.size() >= limit) {
                break;
            }
            if ((state == null || a.state() == state) && (device == null || a.device().equals(device))) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparingLong(Alert::id).reversed());
        return out;
    }

    /** @return the alert with that id, or null */
    public synchronized Alert get(long id) {
        return byId.get(id);
    }
}
