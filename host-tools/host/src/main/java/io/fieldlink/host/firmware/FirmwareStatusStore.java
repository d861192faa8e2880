package io.fieldlink.host.firmware;

import java.util.Collection;

/** Where the {@link FirmwareTracker} keeps each board's state (implemented in {@code host.store.firmware}). */
public interface FirmwareStatusStore {
    /** @return every saved state */
    Collection<FirmwareStatus> load();

    /** Saves all states (replacing what was saved). */
    void save(Collection<FirmwareStatus> all);
}
