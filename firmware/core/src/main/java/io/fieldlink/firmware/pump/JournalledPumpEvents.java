package io.fieldlink.firmware.pump;

import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.protocol.cbor.CborWriter;

/**
 * Writes every pump event into the board's journal as a {@link PumpRecords} record stamped with
 * its occurrence time, then passes it on. Sales and verdicts so stay on the device through any
 * outage and reach the host in order, exactly once (the uplink forwards by sequence number; the
 * journal drops records only when acknowledged).
 *
 * <p>When the journal is full of unacknowledged records the event is counted in {@link #dropped()}
 * (and still passed on); nothing is thrown. Event loop only.
 */
public final class JournalledPumpEvents implements PumpEvents {
    private final Journal journal;
    private final PumpEvents next;
    private final CborWriter w = new CborWriter(128);
    private long dropped;

    /**
     * @param journal the board's journal
     * @param next where events go after journalling, or null
     */
    public JournalledPumpEvents(Journal journal, PumpEvents next) {
        if (journal == null) {
            throw new IllegalArgumentException("journal: null");
        }
        this.journal = journal;
        this.next = next;
    }

    /** @return events that found the journal full */
    public long dropped() {
        return dropped;
    }

    @Override
    public void tokenVerdict(BookingVerdict v) {
        String detail = v.detail().length() > 200 ? v.detail().substring(0, 200) : v.detail();
        w.reset().writeMapHeader(3).writeInt(0).writeInt(v.tokenId()).writeInt(7).writeText(v.reason().code())
                .writeInt(8).writeText(detail);
        append(PumpRecords.VERDICT, v.atMs());
        if (next != null) {
            next.tokenVerdict(v);
        }
    }

    @Override
    public void sale(Sale s) {
        w.reset().writeMapHeader(7).writeInt(0).writeInt(s.tokenId()).writeInt(1).writeInt(s.pump()).writeInt(2)
                .writeInt(s.grams()).writeInt(3).writeInt(s.unitPriceMilliPerKg()).writeInt(4)
                .writeInt(s.amountMilli()).writeInt(5).writeInt(s.startMs()).writeInt(6)
                .writeInt(s.stopReason().ordinal());
        append(PumpRecords.SALE, s.endMs());
        if (next != null) {
            next.sale(s);
        }
    }

    @Override
    public void unauthorisedFlow(int pulses, long nowMs) {
        w.reset().writeMapHeader(1).writeInt(9).writeInt(pulses);
        append(PumpRecords.UNAUTHORISED_FLOW, nowMs);
        if (next != null) {
            next.unauthorisedFlow(pulses, nowMs);
        }
    }

    @Override
    public void storageLow(boolean active, long pressureMbar, long nowMs) {
        w.reset().writeMapHeader(2).writeInt(10).writeBoolean(active).writeInt(11).writeInt(pressureMbar);
        append(PumpRecords.STORAGE_LOW, nowMs);
        if (next != null) {
            next.storageLow(active, pressureMbar, nowMs);
        }
    }

    private void append(int type, long atMs) {
        if (journal.append(type, atMs, w.buffer(), 0, w.size()) < 0) {
            dropped++;
        }
    }
}
