package io.fieldlink.firmware.meter;

/**
 * Where a meter commits its snapshot. Implementations: {@link JournalMeterStore} (the board journal's
 * committed snapshot); tests may use their own. Calls come from the meter's event loop.
 */
public interface MeterStore {

    /**
     * Reads the last committed snapshot.
     *
     * @param into a buffer of at least the largest snapshot size
     * @return its length, or -1 if nothing was ever committed
     */
    int load(byte[] into);

    /**
     * Replaces the committed snapshot with {@code data[0..len)}, atomically: after a return it
     * survives power loss; if power fails during the call, {@link #load} afterwards yields either the
     * previous snapshot or this one, never a mix. Must not allocate in the steady state.
     */
    void commit(byte[] data, int len);
}
