package io.fieldlink.firmware.pump;

import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.AlarmLevel;
import io.fieldlink.protocol.record.TokenRedemption;

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

    /** Journals a {@link TokenRedemption} (booking kind; amount = booked grams when accepted, else 0). */
    @Override
    public void tokenVerdict(BookingVerdict v) {
        long id = v.tokenId() < 0 ? 0 : v.tokenId();
        long grams = v.accepted() && v.claims() != null ? v.claims().quantityGrams() : 0;
        w.reset();
        new TokenRedemption(id, TokenRedemption.KIND_BOOKING, v.reason().ordinal(), grams).encode(w);
        append(PumpRecords.VERDICT, v.atMs());
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
        long end = s.endMs() < s.startMs() ? s.startMs() : s.endMs();
        w.reset();
        new io.fieldlink.protocol.record.Sale(s.walkIn() ? 0 : s.tokenId(), s.grams(), s.unitPriceMilliPerKg(),
                s.amountMilli(), s.startMs(), end, s.pump()).encode(w);
        append(PumpRecords.SALE, s.endMs());
        if (next != null) {
            next.sale(s);
        }
    }

    /** Journals telemetry {@code [{0: "unauthorised_flow", 2: pulses}]}. */
    @Override
    public void unauthorisedFlow(int pulses, long nowMs) {
        w.reset().writeArrayHeader(1).writeMapHeader(2).writeInt(0).writeText(UNAUTHORISED_FLOW).writeInt(2)
                .writeInt(pulses);
        append(PumpRecords.UNAUTHORISED_FLOW, nowMs);
        if (next != null) {
            next.unauthorisedFlow(pulses, nowMs);
        }
    }

    /** Journals an {@link Alarm} on {@code storage_pressure}, level L, value in bar. */
    @Override
    public void storageLow(boolean active, long pressureMbar, long nowMs) {
        w.reset();
        new Alarm(STORAGE_CHANNEL, AlarmLevel.LOW, pressureMbar / 1000.0, active).encode(w);
        append(PumpRecords.STORAGE_LOW, nowMs);
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
        w.reset().writeArrayHeader(3);
        w.writeMapHeader(3).writeInt(0).writeText(DAILY_GRAMS).writeInt(1).writeText("g").writeInt(2).writeInt(grams);
        w.writeMapHeader(2).writeInt(0).writeText(DAILY_AMOUNT).writeInt(2).writeInt(amountMilli);
        w.writeMapHeader(2).writeInt(0).writeText(DAILY_SALES).writeInt(2).writeInt(sales);
        append(PumpRecords.STATION, dayStartMs + 86400000L);
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
        w.reset().writeArrayHeader(mbar < 0 ? 4 : 5);
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
    }

    private void append(int type, long atMs) {
        if (journal.append(type, atMs, w.buffer(), 0, w.size()) < 0) {
            dropped++;
        }
    }
}
