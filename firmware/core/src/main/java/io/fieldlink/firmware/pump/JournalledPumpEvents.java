package io.fieldlink.firmware.pump;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.kernel.LentRecordWriter;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.memory.BufferPool;
import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.AlarmLevel;
import io.fieldlink.protocol.record.TokenRedemption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every pump event into the board's journal as a {@link PumpRecords} record stamped with
 * its occurrence time, then passes it on. Sales and verdicts so stay on the device through any
 * outage and reach the host in order, exactly once (the uplink forwards by sequence number; the
 * journal drops records only when acknowledged).
 *
 * <p>With a board clock given, events that happen before the wall time is known (after a boot,
 * until the host's hello answer) carry the monotonic time: they wait in RAM (up to
 * {@value #PENDING_EVENTS}) and are journalled in order, every time in them (including a sale's start
 * and end) moved to the wall clock, as soon as it is set ({@link #flushPending()}, or the next
 * event). A day closed before that is not reported (it was not a real calendar day).
 *
 * <p>When the journal (or the pre-clock buffer) is full the event is counted in {@link #dropped()}
 * (and still passed on); nothing is thrown. Event loop only.
 */
public final class JournalledPumpEvents implements PumpEvents {
    static final String UNAUTHORISED_FLOW = "unauthorised_flow";
    static final String STORAGE_CHANNEL = "storage_pressure";
    static final String DISPENSE_STATE = "dispense_state";
    static final String DAY_GRAMS = "day_grams";
    static final String DAY_AMOUNT = "day_amount";
    static final String DAY_SALES = "day_sales";
    static final String DAILY_GRAMS = "daily_grams";
    static final String DAILY_AMOUNT = "daily_amount";
    static final String DAILY_SALES = "daily_sales";
    private static final String[] STATES = {"idle", "authorised", "dispensing"};

    static final int PENDING_EVENTS = 32;

    private final Journal journal;
    private final Clock clock;
    private final List<Object[]> pending = new ArrayList<Object[]>();
    private final PumpEvents next;
    /** A record's buffer, borrowed from the board's pool while it is written and journalled. */
    private final LentRecordWriter out;
    private final CborWriter w;
    private long dropped;

    /**
     * @param journal the board's journal
     * @param next where events go after journalling, or null
     */
    public JournalledPumpEvents(Journal journal, PumpEvents next) {
        this(journal, null, next);
    }

    /**
     * @param journal the board's journal
     * @param clock the board clock: events before the wall time is known wait for it (null: every
     *     event's time is taken as wall time)
     * @param next where events go after journalling, or null
     */
    public JournalledPumpEvents(Journal journal, Clock clock, PumpEvents next) {
        this(journal, clock, next, new BufferPool());
    }

    /**
     * @param journal the board's journal
     * @param clock the board clock: events before the wall time is known wait for it (null: every
     *     event's time is taken as wall time)
     * @param next where events go after journalling, or null
     * @param buffers the board's buffer pool: each record's buffer is borrowed from it while the
     *     record is written and journalled
     */
    public JournalledPumpEvents(Journal journal, Clock clock, PumpEvents next, BufferPool buffers) {
        if (journal == null) {
            throw new IllegalArgumentException("journal: null");
        }
        this.journal = journal;
        this.clock = clock;
        this.next = next;
        this.out = new LentRecordWriter(buffers, RECORD_BUFFER);
        this.w = out.writer();
    }

    /** The buffer borrowed per record: the largest event record (the station telemetry) fits. */
    static final int RECORD_BUFFER = 128;

    /** @return events waiting for the wall time */
    public int pending() {
        return pending.size();
    }

    /** Journals the events that waited for the wall time; does nothing while it is still unknown. */
    public void flushPending() {
        if (pending.isEmpty() || !clock.wallTimeKnown()) {
            return;
        }
        long offset = clock.wallMillis() - clock.monotonicMillis();
        for (int i = 0; i < pending.size(); i++) {
            Object[] e = pending.get(i);
            if (e[0] instanceof BookingVerdict) {
                writeVerdict((BookingVerdict) e[0], offset);
            } else if (e[0] instanceof Sale) {
                writeSale((Sale) e[0], offset);
            } else if (e[0] == UNAUTHORISED_FLOW) {
                writeUnauthorisedFlow((int) ((long[]) e[1])[0], ((long[]) e[1])[1] + offset);
            } else {
                long[] v = (long[]) e[1];
                writeStorageLow(v[0] != 0, v[1], v[2] + offset);
            }
        }
        pending.clear();
    }

    /** @return true when the event must wait for the wall time (and was kept, or dropped when full) */
    private boolean held(Object what, long[] values) {
        if (clock == null) {
            return false;
        }
        if (clock.wallTimeKnown()) {
            flushPending();
            return false;
        }
        if (pending.size() == PENDING_EVENTS) {
            dropped++;
        } else {
            pending.add(new Object[] {what, values});
        }
        return true;
    }

    /** @return events that found the journal full */
    public long dropped() {
        return dropped;
    }

    /** Journals a {@link TokenRedemption} (booking kind; amount = booked grams when accepted, else 0). */
    @Override
    public void tokenVerdict(BookingVerdict v) {
        if (!held(v, null)) {
            writeVerdict(v, 0);
        }
        if (next != null) {
            next.tokenVerdict(v);
        }
    }

    /**
     * Journals the protocol's sale record (token id 0 for a walk-in; an end before the start, after
     * the wall clock was set back during the fill, is recorded as the start).
     */
    @Override
    public void sale(Sale s) {
        if (!held(s, null)) {
            writeSale(s, 0);
        }
        if (next != null) {
            next.sale(s);
        }
    }

    /** Journals telemetry {@code [{0: "unauthorised_flow", 2: pulses}]}. */
    @Override
    public void unauthorisedFlow(int pulses, long nowMs) {
        if (!held(UNAUTHORISED_FLOW, clock == null || clock.wallTimeKnown() ? null : new long[] {pulses, nowMs})) {
            writeUnauthorisedFlow(pulses, nowMs);
        }
        if (next != null) {
            next.unauthorisedFlow(pulses, nowMs);
        }
    }

    /** Journals an {@link Alarm} on {@code storage_pressure}, level L, value in bar. */
    @Override
    public void storageLow(boolean active, long pressureMbar, long nowMs) {
        if (!held(STORAGE_CHANNEL, clock == null || clock.wallTimeKnown() ? null
                : new long[] {active ? 1 : 0, pressureMbar, nowMs})) {
            writeStorageLow(active, pressureMbar, nowMs);
        }
        if (next != null) {
            next.storageLow(active, pressureMbar, nowMs);
        }
    }

    /**
     * Journals the closed day's totals as telemetry at the day's end:
     * {@code [{0: "daily_grams", 1: "g", 2: g}, {0: "daily_amount", 2: milli-units}, {0: "daily_sales", 2: n}]}.
     */
    @Override
    public void dayClosed(long dayStartMs, long grams, long amountMilli, int sales) {
        if (clock != null && !clock.wallTimeKnown()) {
            if (next != null) {
                next.dayClosed(dayStartMs, grams, amountMilli, sales);
            }
            return;
        }
        try {
            out.begin().writeArrayHeader(3);
            w.writeMapHeader(3).writeInt(0).writeText(DAILY_GRAMS).writeInt(1).writeText("g").writeInt(2).writeInt(grams);
            w.writeMapHeader(2).writeInt(0).writeText(DAILY_AMOUNT).writeInt(2).writeInt(amountMilli);
            w.writeMapHeader(2).writeInt(0).writeText(DAILY_SALES).writeInt(2).writeInt(sales);
            append(PumpRecords.STATION, dayStartMs + 86400000L);
        } finally {
            out.end();
        }
        if (next != null) {
            next.dayClosed(dayStartMs, grams, amountMilli, sales);
        }
    }

    /**
     * Journals the periodic station telemetry:
     * {@code [{0: "storage_pressure", 1: "bar", 2: bar}, {0: "dispense_state", 3: "idle"|"authorised"|"dispensing"},
     * {0: "day_grams", 1: "g", 2: g}, {0: "day_amount", 2: milli-units}, {0: "day_sales", 2: n}]}
     * (no pressure entry before the first storage sample).
     *
     * @param station the station
     * @param nowMs wall time, epoch ms
     */
    public void station(PumpStation station, long nowMs) {
        StationTelemetry t = station.telemetry();
        long mbar = t.pressureMbar();
        try {
            out.begin().writeArrayHeader(mbar < 0 ? 4 : 5);
            if (mbar >= 0) {
                w.writeMapHeader(3).writeInt(0).writeText(STORAGE_CHANNEL).writeInt(1).writeText("bar").writeInt(2);
                if (mbar % 1000 == 0) {
                    w.writeInt(mbar / 1000);
                } else {
                    w.writeFloat(mbar / 1000.0);
                }
            }
            w.writeMapHeader(2).writeInt(0).writeText(DISPENSE_STATE).writeInt(3).writeText(STATES[station.state().ordinal()]);
            w.writeMapHeader(3).writeInt(0).writeText(DAY_GRAMS).writeInt(1).writeText("g").writeInt(2).writeInt(t.dayGrams());
            w.writeMapHeader(2).writeInt(0).writeText(DAY_AMOUNT).writeInt(2).writeInt(t.dayAmountMilli());
            w.writeMapHeader(2).writeInt(0).writeText(DAY_SALES).writeInt(2).writeInt(t.daySales());
            append(PumpRecords.STATION, nowMs);
        } finally {
            out.end();
        }
    }

    private void writeVerdict(BookingVerdict v, long offset) {
        try {
            long id = v.tokenId() < 0 ? 0 : v.tokenId();
            long grams = v.accepted() && v.claims() != null ? v.claims().quantityGrams() : 0;
            out.begin();
            new TokenRedemption(id, TokenRedemption.KIND_BOOKING, v.reason().ordinal(), grams).encode(w);
            append(PumpRecords.VERDICT, v.atMs() + offset);
        } finally {
            out.end();
        }
    }

    private void writeSale(Sale s, long offset) {
        try {
            long end = s.endMs() < s.startMs() ? s.startMs() : s.endMs();
            out.begin();
            new io.fieldlink.protocol.record.Sale(s.walkIn() ? 0 : s.tokenId(), s.grams(), s.unitPriceMilliPerKg(),
                    s.amountMilli(), s.startMs() + offset, end + offset, s.pump()).encode(w);
            append(PumpRecords.SALE, s.endMs() + offset);
        } finally {
            out.end();
        }
    }

    private void writeUnauthorisedFlow(int pulses, long atMs) {
        try {
            out.begin().writeArrayHeader(1).writeMapHeader(2).writeInt(0).writeText(UNAUTHORISED_FLOW).writeInt(2)
                    .writeInt(pulses);
            append(PumpRecords.UNAUTHORISED_FLOW, atMs);
        } finally {
            out.end();
        }
    }

    private void writeStorageLow(boolean active, long pressureMbar, long atMs) {
        try {
            out.begin();
            new Alarm(STORAGE_CHANNEL, AlarmLevel.LOW, pressureMbar / 1000.0, active).encode(w);
            append(PumpRecords.STORAGE_LOW, atMs);
        } finally {
            out.end();
        }
    }

    private void append(int type, long atMs) {
        if (journal.append(type, atMs, w.buffer(), 0, w.size()) < 0) {
            dropped++;
        }
    }
}
