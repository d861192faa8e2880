package io.fieldlink.simulator.report;

import io.fieldlink.simulator.fleet.StationLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks one pump station's books on the host ({@code GET /api/stations/{s}/bookings} and
 * {@code /sales}) against what its customers did ({@link StationLog}) and what the pump reported
 * (its stored events): the host holds exactly the bookings the customers made; a booking is
 * {@code used} exactly when a sale carries its id, at most once, and only after the pump accepted
 * it; no-shows stay unused; the station's sales are the pump's stored sale events, one for one; and
 * the accepted scans the host stored are the ones the customers saw. Each broken rule is one
 * mismatch, named.
 */
public final class StationCheck {
    private final HostApi api;

    /** @param api the host's API */
    public StationCheck(HostApi api) {
        this.api = api;
    }

    /** The outcome for one station. */
    public record Findings(long booked, long used, long acceptedUnsold, long noShows, long walkIns, long refusedScans,
            long sales, long revenue, List<String> mismatches) {
    }

    /**
     * @param log the station as the simulation saw it
     * @param storedSales sale events the host stored for the pump (from its event read-back)
     * @param storedAccepted {@code booking/ok} verdict events the host stored for the pump
     * @param from start of the run, epoch ms
     * @param to end of the run, epoch ms
     * @throws IOException when the API fails
     */
    public Findings check(StationLog log, long storedSales, long storedAccepted, long from, long to) throws IOException {
        List<String> bad = new ArrayList<>();
        Map<Long, HostApi.Booking> host = new TreeMap<>();
        for (HostApi.Booking b : api.bookings(log.station)) {
            host.put(b.id(), b);
        }
        if (!host.keySet().equals(log.booked.keySet())) {
            Set<Long> missing = new HashSet<>(log.booked.keySet());
            missing.removeAll(host.keySet());
            Set<Long> extra = new HashSet<>(host.keySet());
            extra.removeAll(log.booked.keySet());
            bad.add("bookings made but not on the host " + missing + ", on the host but never made " + extra);
        }
        for (Map.Entry<Long, Long> e : log.booked.entrySet()) {
            HostApi.Booking b = host.get(e.getKey());
            if (b != null && b.grams() != e.getValue()) {
                bad.add("booking " + e.getKey() + ": booked " + e.getValue() + " g, the host holds " + b.grams() + " g");
            }
        }
        Map<Long, Integer> salesPerBooking = new HashMap<>();
        long sales = 0;
        long revenue = 0;
        for (HostApi.Sale s : api.sales(log.station, from, to)) {
            if (!s.device().equals(log.device)) {
                bad.add("a sale of another device in the books: " + s);
                continue;
            }
            sales++;
            revenue += s.amount();
            if (s.tokenId() >= 1) {
                salesPerBooking.merge(s.tokenId(), 1, Integer::sum);
                if (!log.accepted.contains(s.tokenId())) {
                    bad.add("sale seq " + s.seq() + " carries booking " + s.tokenId() + ", which the pump never accepted");
                }
            }
        }
        for (Map.Entry<Long, Integer> e : salesPerBooking.entrySet()) {
            if (e.getValue() > 1) {
                bad.add("booking " + e.getKey() + " paid " + e.getValue() + " fills");
            }
        }
        long used = 0;
        for (HostApi.Booking b : host.values()) {
            boolean isUsed = b.status().equals("used");
            used += isUsed ? 1 : 0;
            if (isUsed != salesPerBooking.containsKey(b.id())) {
                bad.add("booking " + b.id() + " is '" + b.status() + "' on the host but "
                        + (isUsed ? "no sale carries it" : "a sale carries it"));
            }
            if (isUsed && log.noShows.contains(b.id())) {
                bad.add("booking " + b.id() + " of a vehicle that never came is used");
            }
        }
        if (sales != storedSales) {
            bad.add("the station's books hold " + sales + " sales, the pump's stored events " + storedSales);
        }
        if (storedAccepted != log.accepted.size()) {
            bad.add("the pump accepted " + log.accepted.size() + " bookings, the host stored " + storedAccepted
                    + " accepted scans");
        }
        if (log.bookingFailures > 0) {
            bad.add(log.bookingFailures + " bookings refused by the host, first: " + log.firstFailure);
        }
        long unsold = 0;
        for (long id : log.accepted) {
            unsold += salesPerBooking.containsKey(id) ? 0 : 1;
        }
        return new Findings(log.booked.size(), used, unsold, log.noShows.size(), log.walkIns, log.refusedScans, sales,
                revenue, bad);
    }
}
