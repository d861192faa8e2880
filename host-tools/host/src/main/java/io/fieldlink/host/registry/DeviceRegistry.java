package io.fieldlink.host.registry;

import io.fieldlink.host.store.CommitHook;
import io.fieldlink.host.store.HostStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Provisioned devices, cached in memory and persisted in the store. Reads are thread-safe from
 * any thread; methods that change devices ({@link #provision}, {@link #recordSeen},
 * {@link #recordHello}) must run inside a write on the committer thread so that they commit with
 * the change they belong to. Last-seen times are gathered in memory and written with a commit at
 * most every {@value #SEEN_WRITE_SECONDS} s (a {@link CommitHook}), and by {@link #writeSeen()} at
 * shutdown: they say when a device was last heard from, so a crash forgets at most those seconds of
 * them, never a record. A rollback restores what was stored.
 */
public final class DeviceRegistry {
    /** PSK length in bytes. */
    public static final int PSK_BYTES = 16;

    private final Map<String, String> stored;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final List<Consumer<Device>> listeners = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    /** Longest a last-seen time waits in memory before a commit writes it. */
    public static final int SEEN_WRITE_SECONDS = 5;
    private final Set<String> unwritten = new HashSet<>();
    private long lastSeenWrite = System.nanoTime();
    private final Set<String> touched = new HashSet<>();

    /** Loads every stored device and registers with the store's commits. */
    public DeviceRegistry(HostStore store) {
        this.stored = store.textMap("devices");
        for (String json : stored.values()) {
            Device d = Device.fromStored(json);
            devices.put(d.id(), d);
        }
        store.addCommitHook(new CommitHook() {
            @Override
            public void beforeCommit() {
                if (System.nanoTime() - lastSeenWrite >= SEEN_WRITE_SECONDS * 1_000_000_000L) {
                    writeSeen();
                }
            }

            @Override
            public void afterCommit() {
                touched.clear();
            }

            @Override
            public void afterRollback() {
                for (String id : touched) {
                    String json = stored.get(id);
                    if (json == null) {
                        devices.remove(id);
                    } else {
                        devices.put(id, Device.fromStored(json));
                    }
                }
                unwritten.clear();
                touched.clear();
            }
        });
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
        touched.add(id);
        for (Consumer<Device> l : listeners) {
            l.accept(d);
        }
        return d;
    }

    /** A device to provision: its id and board kind. */
    public record NewDevice(String id, BoardKind board) {
    }

    /**
     * Provisions every device of {@code batch} with a fresh random PSK each, or none of them: all
     * ids are checked (valid, each once in the batch, none provisioned yet) before anything is
     * stored. Committer thread only; the whole batch commits with the write it runs in.
     *
     * @return the new devices, in the batch's order
     * @throws IllegalArgumentException naming the first offending entry and its index; nothing changed
     */
    public List<Device> provisionAll(List<NewDevice> batch, long nowMillis) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            String id = batch.get(i).id();
            try {
                DeviceId.check(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry " + i + ": " + e.getMessage(), e);
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException("entry " + i + ": device '" + id + "' appears twice in the batch");
            }
            if (stored.containsKey(id)) {
                throw new IllegalArgumentException("entry " + i + ": device '" + id + "' is already provisioned");
            }
        }
        List<Device> out = new ArrayList<>(batch.size());
        for (NewDevice n : batch) {
            out.add(provision(n.id(), n.board(), nowMillis));
        }
        return out;
    }

    /** Writes every last-seen time held in memory. Committer thread only (inside a write). */
    public void writeSeen() {
        for (String id : unwritten) {
            Device d = devices.get(id);
            if (d != null) {
                stored.put(id, d.toStored());
            }
        }
        unwritten.clear();
        lastSeenWrite = System.nanoTime();
    }

    /** Notes an accepted uplink from {@code id} at {@code atMillis}. Committer thread only. */
    public void recordSeen(String id, long atMillis) {
        Device d = devices.get(id);
        if (d != null && d.lastSeen() < atMillis) {
            devices.put(id, d.seenAt(atMillis));
            touched.add(id);
            unwritten.add(id);
        }
    }

    /** Notes a hello from {@code id}. Committer thread only. */
    public void recordHello(String id, String firmware, long bootCount, long atMillis) {
        Device d = devices.get(id);
        if (d != null) {
            Device h = d.withHello(firmware, bootCount, atMillis);
            stored.put(id, h.toStored());
            devices.put(id, h);
            touched.add(id);
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
