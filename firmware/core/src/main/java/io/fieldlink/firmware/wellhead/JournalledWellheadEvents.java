package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.kernel.LentRecordWriter;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.memory.BufferPool;
import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.ShutIn;

/**
 * Writes every wellhead event into the board's journal as a protocol uplink record
 * ({@link WellheadRecords}) stamped with its occurrence time, then passes it on (e.g. to the console
 * log or the uplink's "report now"). The uplink forwards journalled records to the host in sequence
 * order and the journal drops them only once the host acknowledged them, so a week offline is
 * backfilled in order with the original timestamps, nothing lost and nothing doubled.
 *
 * <p>With a board clock given, events that happen before the wall time is known (after a boot,
 * until the host's hello answer) carry the monotonic time; they wait in RAM (up to
 * {@value #PENDING_RECORDS} records, {@value #PENDING_BYTES} bytes) and are journalled, in order and
 * stamped with their true wall time, as soon as the clock is set ({@link #flushPending()} or the next
 * event). A power cut before that loses them (the shut-in latch itself is in the state snapshot).
 *
 * <p>When the journal (or the pre-clock buffer) is full the event is counted in {@link #dropped()}
 * (and still passed on); nothing is thrown. Event loop only; a report allocates nothing once warm
 * (alarm, shut-in and reset records build their protocol record).
 */
public final class JournalledWellheadEvents implements WellheadEvents {
    static final String DAILY_OIL = "daily_oil";
    static final String DAILY_GAS = "daily_gas";
    static final String DAILY_WATER = "daily_water";
    static final String DAILY_UNMEASURED = "daily_unmeasured";
    static final String RESET = "shutin_reset";
    static final String RESET_BY = "shutin_reset_by";
    private static final String[] STATUS = {"ok", "timeout", "crc-error", "exception"};

    static final int PENDING_RECORDS = 32;
    static final int PENDING_BYTES = 2048;

    private final Journal journal;
    private final Clock clock;
    /** The pre-clock buffer: allocated at the first event that must wait, dropped once they are journalled. */
    private byte[] pendingBytes;
    private int[] pendingType;
    private int[] pendingLength;
    private long[] pendingAt;
    private int pendingCount;
    private int pendingUsed;
    private final ChannelSpec[] channels;
    private final WellheadEvents next;
    /** A record's buffer, borrowed from the board's pool while it is written and journalled. */
    private final LentRecordWriter out;
    private final CborWriter w;
    private long dropped;
    private int latchedCause = ShutIn.CAUSE_PSH;
    private long latchedPressure;

    /**
     * @param journal the board's journal
     * @param channels the wellhead's channels, in index order (names and units of the records)
     * @param next where events go after journalling, or null
     */
    public JournalledWellheadEvents(Journal journal, ChannelSpec[] channels, WellheadEvents next) {
        this(journal, channels, null, next);
    }

    /**
     * @param journal the board's journal
     * @param channels the wellhead's channels, in index order (names and units of the records)
     * @param clock the board clock: events before the wall time is known wait for it (null: every
     *     event's time is taken as wall time)
     * @param next where events go after journalling, or null
     */
    public JournalledWellheadEvents(Journal journal, ChannelSpec[] channels, Clock clock, WellheadEvents next) {
        this(journal, channels, clock, next, new BufferPool());
    }

    /**
     * @param journal the board's journal
     * @param channels the wellhead's channels, in index order (names and units of the records)
     * @param clock the board clock: events before the wall time is known wait for it (null: every
     *     event's time is taken as wall time)
     * @param next where events go after journalling, or null
     * @param buffers the board's buffer pool: each record's buffer is borrowed from it while the
     *     record is written and journalled (or held for the wall time)
     */
    public JournalledWellheadEvents(Journal journal, ChannelSpec[] channels, Clock clock, WellheadEvents next,
            BufferPool buffers) {
        if (journal == null || channels == null) {
            throw new IllegalArgumentException("journal and channels are required");
        }
        this.journal = journal;
        this.clock = clock;
        this.channels = channels.clone();
        this.next = next;
        this.out = new LentRecordWriter(buffers, RECORD_BUFFER);
        this.w = out.writer();
    }

    /** The buffer borrowed per record: the largest event record fits. */
    static final int RECORD_BUFFER = 128;

    /**
     * Tells the records of a later reset which trip they reset, for a latch restored at boot.
     *
     * @param cause the latched trip's cause
     * @param pressure its tripping pressure, milli-units of the pressure channel
     */
    public void restoredLatch(ShutInCause cause, long pressure) {
        latchedCause = cause == ShutInCause.PSL ? ShutIn.CAUSE_PSL : ShutIn.CAUSE_PSH;
        latchedPressure = pressure;
    }

    /** @return events that found the journal full */
    public long dropped() {
        return dropped;
    }

    @Override
    public void report(int channel, long value, long atMs) {
        ChannelSpec c = channels[channel];
        String unit = c.unit();
        try {
            out.begin().writeArrayHeader(1).writeMapHeader(unit == null ? 2 : 3).writeInt(0).writeText(c.name());
            if (unit != null) {
                w.writeInt(1).writeText(unit);
            }
            w.writeInt(2);
            number(value);
            append(WellheadRecords.TELEMETRY, atMs);
        } finally {
            out.end();
        }
        if (next != null) {
            next.report(channel, value, atMs);
        }
    }

    @Override
    public void alarm(int channel, AlarmLevel level, boolean active, long value, long atMs) {
        try {
            out.begin();
            new Alarm(channels[channel].name(), protocolLevel(level), value / 1000.0, active).encode(w);
            append(WellheadRecords.ALARM, atMs);
        } finally {
            out.end();
        }
        if (next != null) {
            next.alarm(channel, level, active, value, atMs);
        }
    }

    @Override
    public void channelFault(int channel, boolean faulty, ModbusStatus status, long atMs) {
        try {
            out.begin().writeArrayHeader(1).writeMapHeader(2).writeInt(0).writeText(channels[channel].faultName).writeInt(3)
                    .writeText(faulty ? STATUS[status.ordinal()] : STATUS[0]);
            append(WellheadRecords.TELEMETRY, atMs);
        } finally {
            out.end();
        }
        if (next != null) {
            next.channelFault(channel, faulty, status, atMs);
        }
    }

    @Override
    public void shutIn(ShutInCause cause, long pressure, long atMs) {
        latchedCause = cause == ShutInCause.PSL ? ShutIn.CAUSE_PSL : ShutIn.CAUSE_PSH;
        latchedPressure = pressure;
        try {
            out.begin();
            ShutIn.latched(latchedCause, pressure / 1000.0).encode(w);
            append(WellheadRecords.SHUT_IN, atMs);
        } finally {
            out.end();
        }
        if (next != null) {
            next.shutIn(cause, pressure, atMs);
        }
    }

    @Override
    public void shutInReset(ResetOutcome outcome, ResetRequest.Source source, String principal, long atMs) {
        try {
            out.begin();
            if (outcome == ResetOutcome.RESET) {
                ShutIn.reset(latchedCause, latchedPressure / 1000.0, principal).encode(w);
                append(WellheadRecords.SHUT_IN, atMs);
            } else {
                w.writeArrayHeader(2).writeMapHeader(2).writeInt(0).writeText(RESET).writeInt(3)
                        .writeText(WellheadCommands.code(outcome)).writeMapHeader(2).writeInt(0).writeText(RESET_BY)
                        .writeInt(3).writeText(principal);
                append(WellheadRecords.TELEMETRY, atMs);
            }
        } finally {
            out.end();
        }
        if (next != null) {
            next.shutInReset(outcome, source, principal, atMs);
        }
    }

    @Override
    public void dailyProduction(long dayStartMs, long oilLitres, long gasLitres, long waterLitres, long unmeasuredMs) {
        try {
            out.begin().writeArrayHeader(4);
            litres(DAILY_OIL, oilLitres);
            litres(DAILY_GAS, gasLitres);
            litres(DAILY_WATER, waterLitres);
            w.writeMapHeader(3).writeInt(0).writeText(DAILY_UNMEASURED).writeInt(1).writeText("s").writeInt(2);
            number(unmeasuredMs);
            append(WellheadRecords.TELEMETRY, dayStartMs + 86400000L);
        } finally {
            out.end();
        }
        if (next != null) {
            next.dailyProduction(dayStartMs, oilLitres, gasLitres, waterLitres, unmeasuredMs);
        }
    }

    private void litres(String name, long litres) {
        w.writeMapHeader(3).writeInt(0).writeText(name).writeInt(1).writeText("L").writeInt(2).writeInt(litres);
    }

    /** Writes milli-units as the unit's number: an integer when whole, else the shortest exact float. */
    private void number(long milli) {
        if (milli % 1000 == 0) {
            w.writeInt(milli / 1000);
        } else {
            w.writeFloat(milli / 1000.0);
        }
    }

    static io.fieldlink.protocol.record.AlarmLevel protocolLevel(AlarmLevel level) {
        switch (level) {
            case HH:
                return io.fieldlink.protocol.record.AlarmLevel.HIGH_HIGH;
            case H:
                return io.fieldlink.protocol.record.AlarmLevel.HIGH;
            case L:
                return io.fieldlink.protocol.record.AlarmLevel.LOW;
            default:
                return io.fieldlink.protocol.record.AlarmLevel.LOW_LOW;
        }
    }

    /** @return records waiting for the wall time */
    public int pending() {
        return pendingCount;
    }

    /**
     * Journals the records that waited for the wall time, stamped with it; does nothing while the
     * wall time is still unknown.
     */
    public void flushPending() {
        if (pendingCount == 0 || !clock.wallTimeKnown()) {
            return;
        }
        long offset = clock.wallMillis() - clock.monotonicMillis();
        int at = 0;
        for (int i = 0; i < pendingCount; i++) {
            if (journal.append(pendingType[i], pendingAt[i] + offset, pendingBytes, at, pendingLength[i]) < 0) {
                dropped++;
            }
            at += pendingLength[i];
        }
        pendingCount = 0;
        pendingUsed = 0;
        pendingBytes = null;
        pendingType = null;
        pendingLength = null;
        pendingAt = null;
    }

    private void append(int type, long atMs) {
        if (clock != null) {
            if (!clock.wallTimeKnown()) {
                hold(type, atMs);
                return;
            }
            flushPending();
        }
        if (journal.append(type, atMs, w.buffer(), 0, w.size()) < 0) {
            dropped++;
        }
    }

    private void hold(int type, long monotonicMs) {
        int n = w.size();
        if (pendingCount == PENDING_RECORDS || pendingUsed + n > PENDING_BYTES) {
            dropped++;
            return;
        }
        if (pendingBytes == null) {
            pendingBytes = new byte[PENDING_BYTES];
            pendingType = new int[PENDING_RECORDS];
            pendingLength = new int[PENDING_RECORDS];
            pendingAt = new long[PENDING_RECORDS];
        }
        System.arraycopy(w.buffer(), 0, pendingBytes, pendingUsed, n);
        pendingType[pendingCount] = type;
        pendingLength[pendingCount] = n;
        pendingAt[pendingCount] = monotonicMs;
        pendingCount++;
        pendingUsed += n;
    }
}
