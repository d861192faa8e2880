package io.fieldlink.host.fleet;

import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ingest.Uplink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each device's latest value per channel and its alarms, kept up to date as a projection of
 * every newly stored uplink and persisted through a {@link FleetViewStore} in the same commit.
 * Reads ({@link #snapshot}) are thread-safe and cheap (memory); {@link #stored} runs on the
 * committer thread only, and also offers the uplink to the {@link LiveFeed} (never blocking).
 * When a commit fails after {@link #stored}, the memory copy may be ahead of the store until the
 * device sends the record again.
 */
public final class FleetView implements StoredUplinkListener {
    private final FleetViewStore store;
    private final LiveFeed feed;
    private final Map<String, DeviceSnapshot> snapshots = new ConcurrentHashMap<>();

    /** Loads every stored snapshot. */
    public FleetView(FleetViewStore store, LiveFeed feed) {
        this.store = store;
        this.feed = feed;
        for (DeviceSnapshot s : store.loadAll()) {
            snapshots.put(s.device(), s);
        }
    }

    @Override
    public void stored(Uplink uplink) {
        DeviceSnapshot before = snapshot(uplink.device());
        DeviceSnapshot after = before.with(uplink);
        if (after != before) {
            store.save(after);
            snapshots.put(after.device(), after);
        }
        feed.offer(uplink);
    }

    /** @return what is known of {@code device} (empty when nothing was stored for it yet) */
    public DeviceSnapshot snapshot(String device) {
        DeviceSnapshot s = snapshots.get(device);
        return s == null ? DeviceSnapshot.empty(device) : s;
    }
}
