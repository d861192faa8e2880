package io.fieldlink.firmware.pump;

import io.fieldlink.firmware.uplink.Uplink;

/**
 * The last link of the pump's event chain on a board with an uplink: sales, verdicts, alarms and
 * closed days ask the uplink to report soon ({@link Uplink#reportNow()}, which coalesces) instead of
 * waiting for the periodic report. Event loop only; allocation-free.
 */
final class PumpReportSoon implements PumpEvents {
    private final Uplink uplink;

    PumpReportSoon(Uplink uplink) {
        this.uplink = uplink;
    }

    @Override
    public void tokenVerdict(BookingVerdict verdict) {
        uplink.reportNow();
    }

    @Override
    public void sale(Sale sale) {
        uplink.reportNow();
    }

    @Override
    public void unauthorisedFlow(int pulses, long nowMs) {
        uplink.reportNow();
    }

    @Override
    public void storageLow(boolean active, long pressureMbar, long nowMs) {
        uplink.reportNow();
    }

    @Override
    public void dayClosed(long dayStartMs, long grams, long amountMilli, int sales) {
        uplink.reportNow();
    }
}
