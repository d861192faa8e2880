package io.fieldlink.firmware.pump;

import java.util.ArrayList;
import java.util.List;

/** Records every pump event, and the valve, for assertions. */
final class RecordingEvents implements PumpEvents, ValveOutput {
    final List<BookingVerdict> verdicts = new ArrayList<>();
    final List<Sale> sales = new ArrayList<>();
    final List<String> other = new ArrayList<>();
    boolean valveOpen;
    int valveOpenings;

    @Override
    public void tokenVerdict(BookingVerdict verdict) {
        verdicts.add(verdict);
    }

    @Override
    public void sale(Sale sale) {
        sales.add(sale);
    }

    @Override
    public void unauthorisedFlow(int pulses, long nowMs) {
        other.add("unauthorisedFlow " + pulses);
    }

    @Override
    public void storageLow(boolean active, long pressureMbar, long nowMs) {
        other.add("storageLow " + active + " " + pressureMbar);
    }

    @Override
    public void dayClosed(long dayStartMs, long grams, long amountMilli, int sales) {
        other.add("dayClosed " + dayStartMs + " " + grams + " " + amountMilli + " " + sales);
    }

    @Override
    public void setOpen(boolean open) {
        if (open && !valveOpen) {
            valveOpenings++;
        }
        valveOpen = open;
    }
}
