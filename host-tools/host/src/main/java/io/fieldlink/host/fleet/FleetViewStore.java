package io.fieldlink.host.fleet;

import java.util.Collection;

/** Where {@link FleetView} keeps its snapshots so that they survive a restart. */
public interface FleetViewStore {
    /** @return every stored snapshot; called once, at start */
    Collection<DeviceSnapshot> loadAll();

    /** Stores {@code snapshot}, replacing the device's previous one. Called on the committer thread, inside a write. */
    void save(DeviceSnapshot snapshot);
}
