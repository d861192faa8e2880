package io.fieldlink.host.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where pending webhook deliveries are kept, so that a delivery waiting for its retry is sent after a
 * restart (the store implements it). Each call is durable when it returns. Thread-safe.
 */
public interface DeliveryStore {
    /** @return every pending delivery, by id */
    List<PendingDelivery> pendingDeliveries();

    /** Stores (or replaces, by id) these deliveries in one write. */
    void savePending(List<PendingDelivery> deliveries);

    /** Forgets a delivery (sent or given up); nothing when it is not there. */
    void deletePending(long id);

    /** @return a store in memory only: pending deliveries are lost on a restart */
    static DeliveryStore inMemory() {
        Map<Long, PendingDelivery> m = new TreeMap<>();
        return new DeliveryStore() {
            @Override
            public synchronized List<PendingDelivery> pendingDeliveries() {
                return new ArrayList<>(m.values());
            }

            @Override
            public synchronized void savePending(List<PendingDelivery> deliveries) {
                for (PendingDelivery d : deliveries) {
                    m.put(d.id(), d);
                }
            }

            @Override
            public synchronized void deletePending(long id) {
                m.remove(id);
            }
        };
    }
}
