package io.fieldlink.simulator.fleet;

import java.io.IOException;

/**
 * Where the pump stations' customers book their slots: the host's booking API
 * ({@code POST /api/bookings}), which numbers each booking per station and signs its token with the
 * host's issuer key. Called on the scheduler thread while fleet time stands still, so the host's
 * numbering follows the fleet's order and a run repeats.
 */
public interface PumpBookings {
    /** A booking the host made: its id in the station's numbering and its signed token text. */
    record Made(long id, String token) {
    }

    /**
     * Books a slot at any pump of {@code station}.
     *
     * @param slotStart epoch ms (the pump's wall time)
     * @param slotEnd epoch ms, after the start
     * @param grams the quantity booked
     * @throws IOException when the host refuses or cannot be reached
     */
    Made book(String station, long slotStart, long slotEnd, long grams) throws IOException;

    /** @return the issuer keys the pumps must trust for these bookings, as the {@code issuer_keys} config */
    String issuerKeys() throws IOException;
}
