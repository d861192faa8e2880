package io.fieldlink.simulator.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * The end report of a run: what the boards sent, what the host stored (read back through its API),
 * and the money and safety outcomes. The three invariants are {@link #recordsLost},
 * {@link #duplicatesStored} and {@link #moneyMismatches}: all must be 0. Mutable while the run
 * fills it in; {@link #text()} and {@link #json()} render it.
 */
public final class FleetReport {
    /** Boards in the fleet. */
    public long devices;
    /** Meters, pumps, wellheads. */
    public long meters;
    /** Pump boards. */
    public long pumps;
    /** Wellhead boards. */
    public long wells;
    /** How the boards reached the host. */
    public String transport = "";
    /** The seed. */
    public long seed;
    /** Simulated time, days. */
    public double simulatedDays;
    /** Wall-clock time of the run, seconds. */
    public double wallSeconds;
    /** Distinct {@code up} exchanges the boards started (not counting retransmissions). */
    public long uplinks;
    /** {@code hello} exchanges (one per boot that reached the network). */
    public long hellos;
    /** Requests the boards sent again (CoAP retransmissions). */
    public long retransmissions;
    /** Distinct (device, seq) records the boards sent. */
    public long recordsSent;
    /** Sent records found stored on the host, through the API. */
    public long recordsStored;
    /** Sent records not (or not wholly) found on the host. Must be 0. */
    public long recordsLost;
    /** Readings and events on the host beyond what the boards sent. Must be 0. */
    public long duplicatesStored;
    /** Meters where credit − charges ≠ balance on the device, or where the host disagrees. Must be 0. */
    public long moneyMismatches;
    /** Meters checked for money. */
    public long metersChecked;
    /** Seqs a board sent twice with different content. */
    public long seqConflicts;
    /** Token verdicts stored on the host, by kind and reason, e.g. {@code credit/ok}. */
    public final Map<String, Long> tokenVerdicts = new TreeMap<>();
    /** Shut-ins stored on the host (latched). */
    public long shutIns;
    /** Sales stored on the host. */
    public long sales;
    /** Pump bookings made through the host's booking API. */
    public long bookingsMade;
    /** Bookings the host's station books mark used (a sale carried the booking's id). */
    public long bookingsUsed;
    /** Bookings the pump accepted that no sale carries (the power failed during the fill: no sale journalled). */
    public long bookingsAcceptedUnsold;
    /** Bookings whose vehicle never came. */
    public long noShows;
    /** Walk-in fills authorised (no booking, or a booking the pump refused). */
    public long walkIns;
    /** The stations' revenue in the host's books, milli-units. */
    public long stationRevenue;
    /**
     * Broken rules between the customers' bookings, the pumps' stored events and the host's station
     * books (see {@code StationCheck}). Must be 0.
     */
    public long bookingMismatches;
    /** Power cuts. */
    public long powerCuts;
    /** Board boots, first boots included. */
    public long boots;
    /** Datagrams the network faults dropped (both ways). */
    public long datagramsDropped;
    /** Datagrams the network faults duplicated. */
    public long datagramsDuplicated;
    /** Requests the host had not answered in time (real time) in a virtual-time run. */
    public long hostTimeouts;
    /** {@code up} payloads the boards sent that the host's batch reader refuses (never stored, never acked). */
    public long payloadsRefused;
    /** Why, with how many payloads. */
    public final Map<String, Long> refusedReasons = new TreeMap<>();
    /** Boards whose journals still held unacknowledged records at the end. */
    public long boardsNotDrained;
    /** Problems met while checking (unreachable API, missing meters ...), for the reader. */
    public final Map<String, String> notes = new TreeMap<>();

    /** @return true when nothing was lost, nothing stored twice, and the money adds up */
    public boolean ok() {
        return recordsLost == 0 && duplicatesStored == 0 && moneyMismatches == 0 && payloadsRefused == 0 && notes.isEmpty()
                && bookingMismatches == 0;
    }

    /** @return records sent per second of wall time */
    public double recordsPerSecond() {
        return wallSeconds > 0 ? recordsSent / wallSeconds : 0;
    }

    /** @return the report for people */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Fleet report (seed ").append(seed).append(", ").append(transport).append(")\n");
        line(b, "devices", devices + " (" + meters + " meters, " + pumps + " pumps, " + wells + " wells)");
        line(b, "simulated", String.format("%.2f days in %.1f s wall", simulatedDays, wallSeconds));
        line(b, "uplinks", uplinks + " (+" + hellos + " hellos)");
        line(b, "retransmissions", Long.toString(retransmissions));
        line(b, "records sent", recordsSent + String.format(" (%.0f/s)", recordsPerSecond()));
        line(b, "records stored", Long.toString(recordsStored));
        line(b, "records_lost", recordsLost + (recordsLost == 0 ? "" : "   <-- MUST BE 0"));
        line(b, "duplicates_stored", duplicatesStored + (duplicatesStored == 0 ? "" : "   <-- MUST BE 0"));
        line(b, "money_mismatches", moneyMismatches + " of " + metersChecked + " meters"
                + (moneyMismatches == 0 ? "" : "   <-- MUST BE 0"));
        line(b, "token verdicts", tokenVerdicts.isEmpty() ? "none" : tokenVerdicts.toString());
        line(b, "sales", Long.toString(sales));
        if (bookingsMade > 0 || bookingMismatches > 0) {
            line(b, "bookings", bookingsMade + " made through the host, " + bookingsUsed + " used, "
                    + bookingsAcceptedUnsold + " accepted without a sale, " + noShows
                    + " no-shows, " + walkIns + " walk-ins, revenue " + stationRevenue);
            line(b, "booking_mismatches", bookingMismatches + (bookingMismatches == 0 ? "" : "   <-- MUST BE 0"));
        }
        line(b, "shut-ins", Long.toString(shutIns));
        line(b, "power cuts", powerCuts + " (" + boots + " boots)");
        line(b, "network faults", datagramsDropped + " dropped, " + datagramsDuplicated + " duplicated");
        if (seqConflicts > 0) {
            line(b, "seq conflicts", Long.toString(seqConflicts));
        }
        if (hostTimeouts > 0) {
            line(b, "host timeouts", Long.toString(hostTimeouts));
        }
        if (payloadsRefused > 0) {
            line(b, "REFUSED by host", payloadsRefused + " up payloads " + refusedReasons);
        }
        if (boardsNotDrained > 0) {
            line(b, "not drained", boardsNotDrained + " boards still held records");
        }
        for (Map.Entry<String, String> n : notes.entrySet()) {
            line(b, "NOTE " + n.getKey(), n.getValue());
        }
        b.append(ok() ? "OK: nothing lost, nothing doubled, the money adds up\n" : "FAILED\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(String.format("  %-18s %s%n", name, value));
    }

    /** @return the report as a JSON object (snake_case keys) */
    public String json() {
        StringBuilder b = new StringBuilder("{\n");
        field(b, "ok", Boolean.toString(ok()));
        field(b, "seed", Long.toString(seed));
        field(b, "transport", quote(transport));
        field(b, "devices", Long.toString(devices));
        field(b, "meters", Long.toString(meters));
        field(b, "pumps", Long.toString(pumps));
        field(b, "wells", Long.toString(wells));
        field(b, "simulated_days", String.format("%.3f", simulatedDays));
        field(b, "wall_seconds", String.format("%.3f", wallSeconds));
        field(b, "uplinks", Long.toString(uplinks));
        field(b, "hellos", Long.toString(hellos));
        field(b, "retransmissions", Long.toString(retransmissions));
        field(b, "records_sent", Long.toString(recordsSent));
        field(b, "records_stored", Long.toString(recordsStored));
        field(b, "records_lost", Long.toString(recordsLost));
        field(b, "duplicates_stored", Long.toString(duplicatesStored));
        field(b, "money_mismatches", Long.toString(moneyMismatches));
        field(b, "meters_checked", Long.toString(metersChecked));
        field(b, "seq_conflicts", Long.toString(seqConflicts));
        StringBuilder v = new StringBuilder("{");
        for (Map.Entry<String, Long> e : tokenVerdicts.entrySet()) {
            v.append(v.length() > 1 ? ", " : "").append(quote(e.getKey())).append(": ").append(e.getValue());
        }
        field(b, "token_verdicts", v.append('}').toString());
        field(b, "sales", Long.toString(sales));
        field(b, "shut_ins", Long.toString(shutIns));
        field(b, "bookings_made", Long.toString(bookingsMade));
        field(b, "bookings_used", Long.toString(bookingsUsed));
        field(b, "bookings_accepted_unsold", Long.toString(bookingsAcceptedUnsold));
        field(b, "no_shows", Long.toString(noShows));
        field(b, "walk_ins", Long.toString(walkIns));
        field(b, "station_revenue", Long.toString(stationRevenue));
        field(b, "booking_mismatches", Long.toString(bookingMismatches));
        field(b, "power_cuts", Long.toString(powerCuts));
        field(b, "boots", Long.toString(boots));
        field(b, "datagrams_dropped", Long.toString(datagramsDropped));
        field(b, "datagrams_duplicated", Long.toString(datagramsDuplicated));
        field(b, "host_timeouts", Long.toString(hostTimeouts));
        field(b, "boards_not_drained", Long.toString(boardsNotDrained));
        field(b, "payloads_refused", Long.toString(payloadsRefused));
        StringBuilder rr = new StringBuilder("{");
        for (Map.Entry<String, Long> e : refusedReasons.entrySet()) {
            rr.append(rr.length() > 1 ? ", " : "").append(quote(e.getKey())).append(": ").append(e.getValue());
        }
        field(b, "refused_reasons", rr.append('}').toString());
        StringBuilder n = new StringBuilder("{");
        for (Map.Entry<String, String> e : notes.entrySet()) {
            n.append(n.length() > 1 ? ", " : "").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
        }
        b.append("  \"notes\": ").append(n.append('}')).append("\n}\n");
        return b.toString();
    }

    /** @return the report without wall-time fields (what must repeat for the same seed) */
    public String deterministicPart() {
        String j = json();
        return j.replaceAll("\\s*\"wall_seconds\": [^,]*,", "").replaceAll("\\s*\"host_timeouts\": [^,]*,", "");
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  \"").append(name).append("\": ").append(value).append(",\n");
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
