package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;

/**
 * Keeps the shut-in latch in the journal's committed state snapshot (power-fail safe A/B slots), so
 * a well shut in before a reboot or power cut stays shut in: a trip commits "latched" and a
 * successful reset commits "clear", each before the event is passed on. The snapshot is two bytes,
 * {@code [version 1, latched 0|1]}. Event loop only.
 */
public final class LatchSnapshot implements WellheadEvents {
    private static final byte VERSION = 1;

    private final Journal journal;
    private final WellheadEvents next;
    private final byte[] state = new byte[2];

    /**
     * @param journal the board's journal (its state snapshot belongs to the wellhead app)
     * @param next where every event goes next
     */
    public LatchSnapshot(Journal journal, WellheadEvents next) {
        if (journal == null || next == null) {
            throw new IllegalArgumentException("journal and next are required");
        }
        this.journal = journal;
        this.next = next;
    }

    /**
     * @param journal the board's journal
     * @return true when the committed snapshot says the well is shut in; false when there is none
     * @throws IllegalStateException when the snapshot is not a latch snapshot (never read as "clear")
     */
    public static boolean latched(Journal journal) {
        int n = journal.stateLength();
        if (n == 0) {
            return false;
        }
        byte[] s = new byte[n];
        journal.readState(s, 0);
        if (n != 2 || s[0] != VERSION || (s[1] != 0 && s[1] != 1)) {
            throw new IllegalStateException("wellhead latch snapshot: unexpected " + n + "-byte state");
        }
        return s[1] == 1;
    }

    private void commit(boolean latched) {
        state[0] = VERSION;
        state[1] = (byte) (latched ? 1 : 0);
        journal.commit(state, 0, state.length);
    }

    @Override
    public void report(int channel, long value, long atMs) {
        next.report(channel, value, atMs);
    }

    @Override
    public void alarm(int channel, AlarmLevel level, boolean active, long value, long atMs) {
        next.alarm(channel, level, active, value, atMs);
    }

    @Override
    public void channelFault(int channel, boolean faulty, ModbusStatus status, long atMs) {
        next.channelFault(channel, faulty, status, atMs);
    }

    @Override
    public void shutIn(ShutInCause cause, long pressure, long atMs) {
        commit(true);
        next.shutIn(cause, pressure, atMs);
    }

    @Override
    public void shutInReset(ResetOutcome outcome, ResetRequest.Source source, String principal, long atMs) {
        if (outcome == ResetOutcome.RESET) {
            commit(false);
        }
        next.shutInReset(outcome, source, principal, atMs);
    }

    @Override
    public void dailyProduction(long dayStartMs, long oilLitres, long gasLitres, long waterLitres, long unmeasuredMs) {
        next.dailyProduction(dayStartMs, oilLitres, gasLitres, waterLitres, unmeasuredMs);
    }
}
