package io.fieldlink.host.registry;

import io.fieldlink.host.store.HostStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Provisioned devices, cached in memory and persisted in the store. Reads are thread-safe from
 * any thread; methods that change devices ({@link #provision}, {@link #recordSeen},
 * {@link #recordHello}) must run inside a write on the committer thread so that they commit with
 * the change they belong to.
 */
public final class DeviceRegistry {
    /** PSK length in bytes. */
    public static final int PSK_BYTES = 16;

    private final Map<String, String> stored;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final List<Consumer<Device>> listeners = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();

    /** Loads every stored device. */
    public DeviceRegistry(HostStore store) {
        this.stored = store.textMap("devices");
        for (String json : stored.values()) {
            Device d = Device.fromStored(json);
            devices.put(d.id(), d);
        }
    }

    /** @param listener called (on the committer thread) with every newly provisioned device */
    public void onProvisioned(Consumer<Device> listener) {
        listeners.add(listener);
    }

    /**
     * Provisions a device with a fresh random PSK. Committer thread only.
     *
     * @throws IllegalArgumentException when the id is invalid or already provisioned
     */
    public Device provision(String id, BoardKind board, long nowMillis) {
        DeviceId.check(id);
        if (stored.containsKey(id)) {
            throw new IllegalArgumentException("device '" + id + "' is already provisioned");
        }
        byte[] psk = new byte[PSK_BYTES];
        random.nextBytes(psk);
        Device d = new Device(id, board, psk, nowMillis, 0, null, -1);
        stored.put(id, d.toStored());
        devices.put(id, d);
        for (Consumer<Device> l : listeners) {
            l.accept(d);
        }
        return d;
    }

    /** Notes an accepted uplink from {@code id} at {@code atMillis}. Committer thread only. */
    public void recordSeen(String id, long atMillis) {
        Device d = devices.get(id);
        if (d != null && d.lastSeen() < atMillis) {
            Device seen = d.seenAt(atMillis);
            stored.put(id, seen.toStored());
            devices.put(id, seen);
        }
    }

    /** Notes a hello from {@code id}. Committer thread only. */
    public void recordHello(String id, String firmware, long bootCount, long atMillis) {
        Device d = devices.get(id);
        if (d != null) {
            Device h = d.withHello(firmware, bootCount, atMillis);
            stored.put(id, h.toStored());
            devices.put(id, h);
        }
    }

    /** @return the device with this id */
    public Optional<Device> find(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    /** @return every device, sorted by id */
    public List<Device> all() {
        List<Device> list = new ArrayList<>(devices.values());
        list.sort(Comparator.comparing(Device::id));
        return list;
    }

    /** @return the number of devices */
    public int size() {
        return devices.size();
    }
}
