package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;
import io.fieldlink.protocol.cbor.CborWriter;

/**
 * Writes every wellhead event into the board's journal as a {@link WellheadRecords} record stamped
 * with its occurrence time, then passes it on (e.g. to the console log or the uplink's
 * "report now"). The uplink forwards journalled records to the host in sequence order and the
 * journal drops them only once the host acknowledged them, so a week offline is backfilled in order
 * with the original timestamps, nothing lost and nothing doubled.
 *
 * <p>When the journal is full of unacknowledged records the event is counted in {@link #dropped()}
 * (and still passed on); nothing is thrown. Event loop only; allocation-free once warm except for
 * reset records (which encode the principal's text).
 */
public final class JournalledWellheadEvents implements WellheadEvents {
    private final Journal journal;
    private final WellheadEvents next;
    private final CborWriter w = new CborWriter(64);
    private long dropped;

    /**
     * @param journal the board's journal
     * @param next where events go after journalling, or null
     */
    public JournalledWellheadEvents(Journal journal, WellheadEvents next) {
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
    public void report(int channel, long value, long atMs) {
        w.reset().writeMapHeader(2).writeInt(WellheadRecords.K_CHANNEL).writeInt(channel)
                .writeInt(WellheadRecords.K_VALUE).writeInt(value);
        append(WellheadRecords.REPORT, atMs);
        if (next != null) {
            next.report(channel, value, atMs);
        }
    }

    @Override
    public void alarm(int channel, AlarmLevel level, boolean active, long value, long atMs) {
        w.reset().writeMapHeader(4).writeInt(WellheadRecords.K_CHANNEL).writeInt(channel)
                .writeInt(WellheadRecords.K_VALUE).writeInt(value).writeInt(WellheadRecords.K_LEVEL)
                .writeInt(level.ordinal()).writeInt(WellheadRecords.K_ACTIVE).writeBoolean(active);
        append(WellheadRecords.ALARM, atMs);
        if (next != null) {
            next.alarm(channel, level, active, value, atMs);
        }
    }

    @Override
    public void channelFault(int channel, boolean faulty, ModbusStatus status, long atMs) {
        w.reset().writeMapHeader(3).writeInt(WellheadRecords.K_CHANNEL).writeInt(channel)
                .writeInt(WellheadRecords.K_ACTIVE).writeBoolean(faulty).writeInt(WellheadRecords.K_STATUS)
                .writeInt(status.ordinal());
        append(WellheadRecords.FAULT, atMs);
        if (next != null) {
            next.channelFault(channel, faulty, status, atMs);
        }
    }

    @Override
    public void shutIn(ShutInCause cause, long pressure, long atMs) {
        w.reset().writeMapHeader(2).writeInt(WellheadRecords.K_VALUE).writeInt(pressure)
                .writeInt(WellheadRecords.K_CAUSE).writeInt(cause.ordinal());
        append(WellheadRecords.SHUT_IN, atMs);
        if (next != null) {
            next.shutIn(cause, pressure, atMs);
        }
    }

    @Override
    public void shutInReset(ResetOutcome outcome, ResetRequest.Source source, String principal, long atMs) {
        w.reset().writeMapHeader(3).writeInt(WellheadRecords.K_OUTCOME).writeInt(outcome.ordinal())
                .writeInt(WellheadRecords.K_SOURCE).writeInt(source.ordinal())
                .writeInt(WellheadRecords.K_PRINCIPAL).writeText(principal);
        append(WellheadRecords.RESET, atMs);
        if (next != null) {
            next.shutInReset(outcome, source, principal, atMs);
        }
    }

    @Override
    public void dailyProduction(long dayStartMs, long oilLitres, long gasLitres, long waterLitres, long unmeasuredMs) {
        w.reset().writeMapHeader(5).writeInt(WellheadRecords.K_DAY_START).writeInt(dayStartMs)
                .writeInt(WellheadRecords.K_OIL).writeInt(oilLitres).writeInt(WellheadRecords.K_GAS)
                .writeInt(gasLitres).writeInt(WellheadRecords.K_WATER).writeInt(waterLitres)
                .writeInt(WellheadRecords.K_UNMEASURED).writeInt(unmeasuredMs);
        append(WellheadRecords.DAILY, dayStartMs + 86400000L);
        if (next != null) {
            next.dailyProduction(dayStartMs, oilLitres, gasLitres, waterLitres, unmeasuredMs);
        }
    }

    private void append(int type, long atMs) {
        if (journal.append(type, atMs, w.buffer(), 0, w.size()) < 0) {
            dropped++;
        }
    }
}
