package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.uplink.Uplink;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;

/**
 * The last link of the wellhead's event chain on a board with an uplink: every journalled event asks
 * the uplink to report soon ({@link Uplink#reportNow()}, which coalesces), so exceptions, alarms and
 * shut-ins reach the host without waiting for the periodic report. Event loop only; allocation-free.
 */
final class ReportSoon implements WellheadEvents {
    private final Uplink uplink;

    ReportSoon(Uplink uplink) {
        this.uplink = uplink;
    }

    @Override
    public void report(int channel, long value, long atMs) {
        uplink.reportNow();
    }

    @Override
    public void alarm(int channel, AlarmLevel level, boolean active, long value, long atMs) {
        uplink.reportNow();
    }

    @Override
    public void channelFault(int channel, boolean faulty, ModbusStatus status, long atMs) {
        uplink.reportNow();
    }

    @Override
    public void shutIn(ShutInCause cause, long pressure, long atMs) {
        uplink.reportNow();
    }

    @Override
    public void shutInReset(ResetOutcome outcome, ResetRequest.Source source, String principal, long atMs) {
        uplink.reportNow();
    }

    @Override
    public void dailyProduction(long dayStartMs, long oilLitres, long gasLitres, long waterLitres, long unmeasuredMs) {
        uplink.reportNow();
    }
}
