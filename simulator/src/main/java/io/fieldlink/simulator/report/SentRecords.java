package io.fieldlink.simulator.report;

import io.fieldlink.host.ingest.BatchReader;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.MalformedUplinkException;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Uplink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the boards put on the wire: every record of every {@code up} batch a board sent, read with the
 * host's own batch reader into the readings and events the host would store for it, kept per device
 * as fingerprints with the record's seq. This is the "sent" side of the end report; it never asks a
 * board what it thinks it sent. One writer (the scheduler thread), read after the run.
 */
public final class SentRecords {
    private final Map<String, DeviceLog> devices = new TreeMap<>();
    private long malformed;
    private final Map<String, Long> refused = new TreeMap<>();

    /** One device's sent records. */
    static final class DeviceLog {
        final Map<Long, Long> recordHash = new HashMap<>();
        final Set<Long> readingKeys = new HashSet<>();
        final List<long[]> items = new ArrayList<>();
        final Set<String> channels = new HashSet<>();
        long seqConflicts;
        final java.util.TreeSet<Long> windows = new java.util.TreeSet<>();
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        boolean events;
    }

    /**
     * Notes one {@code up} payload a board sent (first copy and retransmissions alike).
     *
     * @param device the sending board
     * @param payload the CoAP payload: an UplinkBatch
     */
    public void batch(String device, byte[] payload) {
        List<Uplink> uplinks;
        try {
            uplinks = BatchReader.read(payload, device, 0);
        } catch (MalformedUplinkException e) {
            if (malformed++ < 3) {
                org.tinylog.Logger.warn("{} sent an up payload the host's reader refuses: {}", device, e.getMessage());
            }
            refused.merge(e.getMessage().replaceAll("records\\[\\d+\\]", "records[i]"), 1L, Long::sum);
            return;
        }
        DeviceLog log = devices.computeIfAbsent(device, d -> new DeviceLog());
        for (Uplink u : uplinks) {
            long h = recordHash(u);
            Long before = log.recordHash.putIfAbsent(u.seq(), h);
            if (before != null) {
                if (before != h) {
                    log.seqConflicts++;
                }
                continue;
            }
            for (Reading r : u.readings()) {
                if (log.readingKeys.add(readingFingerprint(r.channel(), r.timeMillis(), r.value()))) {
                    log.items.add(new long[] {u.seq(), readingFingerprint(r.channel(), r.timeMillis(), r.value())});
                    log.channels.add(r.channel());
                    span(log, r.timeMillis());
                }
            }
            for (Event e : u.events()) {
                log.items.add(new long[] {u.seq(), eventFingerprint(u.seq(), e.type(), e.timeMillis(), e.body())});
                log.events = true;
                span(log, e.timeMillis());
            }
        }
    }

    /** Read-back window length: the API is asked per window that holds something sent. */
    static final long WINDOW = 30 * 86_400_000L;

    private static void span(DeviceLog log, long t) {
        log.windows.add(Math.floorDiv(t, WINDOW) * WINDOW);
        log.minTime = Math.min(log.minTime, t);
        log.maxTime = Math.max(log.maxTime, t);
    }

    private static long recordHash(Uplink u) {
        long h = 17;
        for (Reading r : u.readings()) {
            h = h * 31 + readingFingerprint(r.channel(), r.timeMillis(), r.value());
        }
        for (Event e : u.events()) {
            h = h * 31 + eventFingerprint(u.seq(), e.type(), e.timeMillis(), e.body());
        }
        return h;
    }

    static long readingFingerprint(String channel, long t, double v) {
        return mix(mix(mix(1, channel.hashCode()), t), Double.doubleToLongBits(v == 0 ? 0.0 : v));
    }

    static long eventFingerprint(long seq, String type, long t, String body) {
        return mix(mix(mix(mix(2, seq), type.hashCode()), t), body.hashCode());
    }

    private static long mix(long h, long v) {
        long x = (h ^ v) * 0x9E3779B97F4A7C15L;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 29);
    }

    /** @return the devices that sent anything */
    public Set<String> devices() {
        return devices.keySet();
    }

    DeviceLog log(String device) {
        return devices.get(device);
    }

    /** @return distinct (device, seq) records sent */
    public long records() {
        long n = 0;
        for (DeviceLog d : devices.values()) {
            n += d.recordHash.size();
        }
        return n;
    }

    /** @return seqs a board sent twice with different content (a seq reused after a power cut) */
    public long seqConflicts() {
        long n = 0;
        for (DeviceLog d : devices.values()) {
            n += d.seqConflicts;
        }
        return n;
    }

    /** @return why the host's reader refused payloads, with how often */
    public Map<String, Long> refusedReasons() {
        return refused;
    }

    /** @return {@code up} payloads the host's reader refused */
    public long malformed() {
        return malformed;
    }
}
