package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;

/**
 * What the wellhead tells the rest of the board: each call becomes a journal record that carries
 * its occurrence time ({@code atMs}) and reaches the host in order, exactly once, however long the
 * board is offline. Channels are identified by their index in {@link WellheadSettings#channels()}.
 * Called synchronously on the event loop; must not block or call back into the wellhead.
 */
public interface WellheadEvents {
    /** A channel value to report (moved past its deadband, or its integrity period ran out). */
    void report(int channel, long value, long atMs);

    /** An analog alarm was raised ({@code active}) or cleared. */
    void alarm(int channel, AlarmLevel level, boolean active, long value, long atMs);

    /** A channel became faulty ({@code faulty}, with the bus status) or healthy again (status OK). */
    void channelFault(int channel, boolean faulty, ModbusStatus status, long atMs);

    /** The safety valve was closed and the shut-in latched. */
    void shutIn(ShutInCause cause, long pressure, long atMs);

    /** A reset request was answered; {@code outcome} says whether the valve reopened. */
    void shutInReset(ResetOutcome outcome, ResetRequest.Source source, String principal, long atMs);

    /**
     * A gas day closed.
     *
     * @param dayStartMs start of the closed gas day, epoch ms
     * @param oilLitres oil produced in that day
     * @param gasLitres gas produced in that day (standard litres)
     * @param waterLitres water produced in that day
     * @param unmeasuredMs time in that day during which a rate channel was faulty (not integrated)
     */
    void dailyProduction(long dayStartMs, long oilLitres, long gasLitres, long waterLitres, long unmeasuredMs);
}
