package io.fieldlink.simulator.fleet;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What happened at one pump station from the customers' side, for the end check against the host's
 * station books: the bookings made through the host (id → grams), the ones that never came (no-shows),
 * the booking ids the pump accepted when the vehicle scanned them, walk-in fills authorised, and
 * bookings the host refused. The booking ids are kept only for bookings made through the host (the
 * check against its books needs them; a fleet minting its own bookings keeps only the counts, so a
 * long host-less run holds no per-booking memory). Scheduler thread while running; read after the run.
 */
public final class StationLog {
    /** The pump board. */
    public final String device;
    /** The station code (the pump's {@code station_code} and the bookings' station). */
    public final String station;
    /** Bookings made through the host: booking id → grams (empty, and unmodifiable, when ids are not kept). */
    public final Map<Long, Long> booked;
    /** Booking ids whose vehicle never came (empty, and unmodifiable, when ids are not kept). */
    public final NavigableSet<Long> noShows;
    /** Booking ids the pump accepted, a fill authorised (empty, and unmodifiable, when ids are not kept). */
    public final NavigableSet<Long> accepted;
    /** Scans the pump refused (expired, busy, ...); the vehicle then asked for a walk-in fill. */
    public long refusedScans;
    /** Walk-in fills authorised (vehicles without a booking, and booked ones whose token was refused). */
    public long walkIns;
    /** Bookings the host refused or could not make (the vehicle came as a walk-in), with the first reason. */
    public long bookingFailures;
    /** The first booking failure's message. */
    public String firstFailure;

    /** @param device the pump board @param station its station code */
    public StationLog(String device, String station) {
        this(device, station, true);
    }

    /**
     * @param device the pump board
     * @param station its station code
     * @param keepsIds whether booking ids are kept (bookings made through the host); without, the
     *     id collections are shared empty unmodifiable ones and the log holds only the counts
     */
    public StationLog(String device, String station, boolean keepsIds) {
        this.device = device;
        this.station = station;
        this.booked = keepsIds ? new TreeMap<>() : Collections.emptyMap();
        this.noShows = keepsIds ? new TreeSet<>() : Collections.emptyNavigableSet();
        this.accepted = keepsIds ? new TreeSet<>() : Collections.emptyNavigableSet();
    }
}
