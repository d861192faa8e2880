package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.journal.JournalCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A host stand-in for backfill tests: takes batches of journal records, stores each (device, seq)
 * once, counts duplicates, and answers with the highest contiguous sequence number it holds. The
 * device side ({@link #drain}) sends from the oldest unacknowledged record, may lose acks, and may
 * reboot (reopen the journal from storage) between batches, as the uplink would.
 */
public final class OfflineHost {
    /** One stored record. */
    public record Rec(long seq, int type, long time, byte[] payload) {
    }

    /** Opens the journal again from storage (a reboot). */
    public interface Reopen {
        Journal open();
    }

    public final TreeMap<Long, Rec> stored = new TreeMap<>();
    public int duplicates;
    public int batches;

    /** Receives a batch; returns the ack (highest contiguous seq stored from 1). */
    public long receive(List<Rec> batch) {
        batches++;
        for (Rec r : batch) {
            if (stored.putIfAbsent(r.seq(), r) != null) {
                duplicates++;
            }
        }
        long ack = 0;
        while (stored.containsKey(ack + 1)) {
            ack++;
        }
        return ack;
    }

    /**
     * Sends everything unacknowledged in batches of {@code batchSize}; every {@code loseEvery}-th
     * ack is lost; the journal is reopened after batch {@code rebootAfter}.
     *
     * @return the journal in use at the end
     */
    public Journal drain(Journal journal, Reopen reopen, int batchSize, int loseEvery, int rebootAfter) {
        Journal j = journal;
        int sent = 0;
        while (j.unackedCount() > 0) {
            JournalCursor c = j.cursor();
            List<Rec> batch = new ArrayList<>();
            while (batch.size() < batchSize && c.next()) {
                byte[] p = new byte[c.payloadLength()];
                c.copyPayload(p, 0);
                batch.add(new Rec(c.seq(), c.type(), c.time(), p));
            }
            long ack = receive(batch);
            sent++;
            if (loseEvery <= 0 || sent % loseEvery != 0) {
                j.acknowledge(ack);
            }
            if (sent == rebootAfter) {
                j = reopen.open();
            }
        }
        return j;
    }
}
