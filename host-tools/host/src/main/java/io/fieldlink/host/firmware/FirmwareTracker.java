package io.fieldlink.host.firmware;

import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.json.JsonException;
import io.fieldlink.host.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each board's firmware update state: {@code offered} when a rollout queues the command, then what
 * the board reports. A board reports as SenML string events in one uplink: {@code firmware} (the
 * state), {@code firmware_version} and, for a refusal, failure or rollback, {@code firmware_reason}
 * (see docs/protocol.md "Firmware update"). Told of every newly stored uplink
 * ({@link StoredUplinkListener}); saved through its {@link FirmwareStatusStore} on every change.
 * Thread-safe.
 */
public final class FirmwareTracker implements StoredUplinkListener {
    private final FirmwareStatusStore store;
    private final Map<String, FirmwareStatus> byDevice = new TreeMap<>();

    /** @param store where states are kept across restarts */
    public FirmwareTracker(FirmwareStatusStore store) {
        this.store = store;
        for (FirmwareStatus s : store.load()) {
            byDevice.put(s.deviceId(), s);
        }
    }

    /** Records that a rollout queued {@code version} for the device. */
    public synchronized void offered(String deviceId, String version, long commandId, long atMillis) {
        byDevice.put(deviceId, new FirmwareStatus(deviceId, version, FirmwareStatus.OFFERED, "", commandId, atMillis));
        store.save(byDevice.values());
    }

    @Override
    public void stored(Uplink uplink) {
        String state = null;
        String version = null;
        String reason = "";
        long at = 0;
        for (Event e : uplink.events()) {
            switch (e.type()) {
                case "firmware" -> {
                    state = text(e);
                    at = e.timeMillis();
                }
                case "firmware_version" -> version = text(e);
                case "firmware_reason" -> reason = text(e);
                default -> {
                }
            }
        }
        if (state == null || version == null) {
            return;
        }
        record(uplink.device(), version, state, reason == null ? "" : reason, at);
    }

    private synchronized void record(String device, String version, String state, String reason, long at) {
        FirmwareStatus before = byDevice.get(device);
        long command = before != null && before.version().equals(version) ? before.commandId() : 0;
        if (before != null && before.version().equals(version) && before.state().equals(state)
                && before.reason().equals(reason)) {
            return;
        }
        byDevice.put(device, new FirmwareStatus(device, version, state, reason, command, at));
        store.save(byDevice.values());
    }

    private static String text(Event e) {
        try {
            Object v = JsonReader.parseObject(e.body()).get("vs");
            return v instanceof String s ? s : null;
        } catch (JsonException ex) {
            return null;
        }
    }

    /** @return the device's state, if an update was ever offered to or reported by it */
    public synchronized Optional<FirmwareStatus> status(String deviceId) {
        return Optional.ofNullable(byDevice.get(deviceId));
    }

    /** @return every board's state, by device id */
    public synchronized List<FirmwareStatus> all() {
        return new ArrayList<>(byDevice.values());
    }
}
