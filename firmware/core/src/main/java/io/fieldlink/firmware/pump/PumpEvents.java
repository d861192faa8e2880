package io.fieldlink.firmware.pump;

/**
 * What the pump tells the rest of the board (the journal, which the uplink forwards to the host
 * exactly once). Called synchronously from the event loop; implementations must not block or
 * call back into the pump.
 */
public interface PumpEvents {
    /** Every scan's verdict, accepted or not, with its reason. */
    void tokenVerdict(BookingVerdict verdict);

    /** A fill ended; journal it. Sales with zero grams are reported for booked fills too. */
    void sale(Sale sale);

    /** Meter pulses arrived while no fill was authorised (a leak or a stuck valve). */
    void unauthorisedFlow(int pulses, long nowMs);

    /**
     * The storage cascade pressure alarm changed.
     *
     * @param active true when raised, false when cleared
     * @param pressureMbar the pressure at the change
     */
    void storageLow(boolean active, long pressureMbar, long nowMs);

    /**
     * A business day closed (the first sample or sale after its end).
     *
     * @param dayStartMs start of the closed day, epoch ms
     * @param grams grams sold that day
     * @param amountMilli money taken that day, milli-units
     * @param sales number of sales that day
     */
    void dayClosed(long dayStartMs, long grams, long amountMilli, int sales);
}
