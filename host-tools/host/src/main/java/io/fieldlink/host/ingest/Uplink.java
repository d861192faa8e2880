package io.fieldlink.host.ingest;

import java.util.List;

/**
 * A decoded, validated uplink ready to store.
 *
 * @param device the authenticated device id
 * @param seq the device's sequence number, or -1 for a plain SenML pack (de-duplicated by content
 *            key instead: the same channel, time and value is stored once)
 * @param readings numeric samples
 * @param events events
 * @param receivedAt epoch milliseconds when the host received it
 */
public record Uplink(String device, long seq, List<Reading> readings, List<Event> events, long receivedAt) {
    /** @throws IllegalArgumentException for seq 0 or below -1: a device's seqs start at 1 */
    public Uplink {
        if (seq == 0 || seq < -1) {
            throw new IllegalArgumentException("seq " + seq + " is not a sequence number: a device's seqs start at 1 (-1 for a plain SenML pack)");
        }
    }

    /** @return the number of records (readings plus events) */
    public int records() {
        return readings.size() + events.size();
    }
}
