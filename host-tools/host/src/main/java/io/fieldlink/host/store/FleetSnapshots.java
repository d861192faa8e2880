package io.fieldlink.host.store;

import io.fieldlink.host.fleet.DeviceSnapshot;
import io.fieldlink.host.fleet.FleetViewStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinylog.Logger;

/**
 * The fleet view's snapshots in the store: one JSON text per device in the {@code fleet-view} map.
 * A device's snapshot changes with every uplink; within a transaction only the last one is written,
 * once, when the transaction's writes are made visible ({@link CommitHook}), and a rollback forgets
 * it (the fleet view's memory copy is the one readers use).
 */
public final class FleetSnapshots implements FleetViewStore, CommitHook {
    private final Map<String, String> map;
    private final Map<String, DeviceSnapshot> pending = new LinkedHashMap<>();

    /** Opens the map in {@code store} and registers as its commit hook. */
    public FleetSnapshots(HostStore store) {
        this.map = store.documentMap("fleet-view");
        store.addCommitHook(this);
    }

    @Override
    public Collection<DeviceSnapshot> loadAll() {
        List<DeviceSnapshot> out = new ArrayList<>(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            try {
                out.add(DeviceSnapshot.fromJson(e.getValue()));
            } catch (IllegalArgumentException ex) {
                Logger.warn("fleet view of {} is unreadable and starts empty: {}", e.getKey(), ex.getMessage());
            }
        }
        return out;
    }

    /** Committer thread only, inside a write. */
    @Override
    public void save(DeviceSnapshot snapshot) {
        pending.put(snapshot.device(), snapshot);
    }

    @Override
    public void beforeCommit() {
        for (DeviceSnapshot s : pending.values()) {
            map.put(s.device(), s.toJson());
        }
        pending.clear();
    }

    @Override
    public void afterRollback() {
        pending.clear();
    }
}
