package io.fieldlink.host.store;

import io.fieldlink.host.fleet.DeviceSnapshot;
import io.fieldlink.host.fleet.FleetViewStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.tinylog.Logger;

/** The fleet view's snapshots in the store: one JSON text per device in the {@code fleet-view} map. */
public final class FleetSnapshots implements FleetViewStore {
    private final Map<String, String> map;

    /** Opens the map in {@code store}. */
    public FleetSnapshots(HostStore store) {
        this.map = store.documentMap("fleet-view");
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

    @Override
    public void save(DeviceSnapshot snapshot) {
        map.put(snapshot.device(), snapshot.toJson());
    }
}
