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
 * once, at the commit ({@link CommitHook}; with the ingest log that is the checkpoint: write-behind,
 * like the time series, since the fleet view's memory copy is the one readers use and a replay of
 * the log after a crash re-applies the uplinks through the fleet view), and a rollback forgets it.
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

    /** Write-behind: the group's snapshots stay pending until the checkpoint's commit. */
    @Override
    public void beforeFlush() {
    }

    @Override
    public void afterRollback() {
        pending.clear();
    }
}
