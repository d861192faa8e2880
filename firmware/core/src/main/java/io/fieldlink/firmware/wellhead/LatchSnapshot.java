package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;

/**
 * Keeps the shut-in latch in the journal's committed state snapshot (power-fail safe A/B slots), so
 * a well shut in before a reboot or power cut stays shut in: a trip commits "latched" and a
 * successful reset commits "clear", each before the event is passed on. The snapshot is
 * {@code [version 2, latched 0|1, cause (0 PSH, 1 PSL), tripping pressure (8 bytes, big-endian)]};
 * version 1 ({@code [1, latched]}, no cause) is still read. The wellhead app is the snapshot's only
 * writer; the journal's own commits (acknowledgements) keep it as it is. Event loop only.
 */
public final class LatchSnapshot implements WellheadEvents {
    private static final byte VERSION = 2;
    private static final int LENGTH = 11;

    private final Journal journal;
    private final WellheadEvents next;
    private final byte[] state = new byte[LENGTH];

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
        byte[] s = read(journal);
        if (s != null && s.length == LENGTH) {
            System.arraycopy(s, 0, state, 0, LENGTH);
        }
    }

    /**
     * @param journal the board's journal
     * @return true when the committed snapshot says the well is shut in; false when there is none
     * @throws IllegalStateException when the snapshot is not a latch snapshot (never read as "clear")
     */
    public static boolean latched(Journal journal) {
        byte[] s = read(journal);
        return s != null && s[1] == 1;
    }

    /**
     * @param journal the board's journal
     * @return the cause of the latched (or last) trip; PSH when the snapshot does not say
     * @throws IllegalStateException when the snapshot is not a latch snapshot
     */
    public static ShutInCause cause(Journal journal) {
        byte[] s = read(journal);
        return s != null && s.length == LENGTH && s[2] == 1 ? ShutInCause.PSL : ShutInCause.PSH;
    }

    /**
     * @param journal the board's journal
     * @return the tripping pressure of the latched (or last) trip, milli-units; 0 when unknown
     * @throws IllegalStateException when the snapshot is not a latch snapshot
     */
    public static long pressure(Journal journal) {
        byte[] s = read(journal);
        if (s == null || s.length != LENGTH) {
            return 0;
        }
        long v = 0;
        for (int i = 3; i < LENGTH; i++) {
            v = (v << 8) | (s[i] & 0xff);
        }
        return v;
    }

    private static byte[] read(Journal journal) {
        int n = journal.stateLength();
        if (n == 0) {
            return null;
        }
        byte[] s = new byte[n];
        journal.readState(s, 0);
        boolean v1 = n == 2 && s[0] == 1;
        boolean v2 = n == LENGTH && s[0] == VERSION && (s[2] == 0 || s[2] == 1);
        if (!(v1 || v2) || (s[1] != 0 && s[1] != 1)) {
            throw new IllegalStateException("wellhead latch snapshot: unexpected " + n + "-byte state");
        }
        return s;
    }

    private void commit(boolean latched) {
        state[0] = VERSION;
        state[1] = (byte) (latched ? 1 : 0);
        journal.commit(state, 0, state.length);
    }

    private void trip(ShutInCause cause, long pressure) {
        state[2] = (byte) (cause == ShutInCause.PSL ? 1 : 0);
        for (int i = LENGTH - 1; i >= 3; i--) {
            state[i] = (byte) pressure;
            pressure >>>= 8;
        }
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
        trip(cause, pressure);
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
