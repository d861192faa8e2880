package io.fieldlink.host.billing.station;

import io.fieldlink.host.billing.Doc;
import io.fieldlink.host.billing.Keys;
import io.fieldlink.host.billing.MoneyBook;
import io.fieldlink.host.billing.Tables;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.json.JsonException;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.ledger.LedgerEntry;
import io.fieldlink.host.ledger.MoneyEventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.tinylog.Logger;

/**
 * The station sales books: which pump boards belong to which station ({@code station-pumps}; a pump
 * not assigned is its own station), and each sale a pump reports ({@code sales},
 * {@code station|day|device|seq}), booked to the ledger as {@code SALE} (key
 * {@code sale:<device>:<seq>}) in the sale's own commit; a sale that used a booking marks it used.
 * Projection methods run on the committer thread; reads anywhere.
 */
public final class StationBooks implements StoredUplinkListener {
    private final NavigableMap<String, String> pumps;
    private final NavigableMap<String, String> sales;
    private final MoneyBook money;
    private final Bookings bookings;
    private final Predicate<String> isPump;

    public StationBooks(Tables tables, MoneyBook money, Bookings bookings, Predicate<String> isPump) {
        this.pumps = tables.table("station-pumps");
        this.sales = tables.table("sales");
        this.money = money;
        this.bookings = bookings;
        this.isPump = isPump;
    }

    /** Assigns a pump board to a station (store write). */
    public void assign(String device, String station) {
        pumps.put(device, station);
    }

    /** @return the station a pump board belongs to */
    public String stationOf(String device) {
        return pumps.getOrDefault(device, device);
    }

    /** @return the pump boards assigned to a station */
    public List<String> pumpsOf(String station) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : pumps.entrySet()) {
            if (e.getValue().equals(station)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    @Override
    public void stored(Uplink u) {
        if (u.seq() < 0 || !isPump.test(u.device())) {
            return;
        }
        for (Event e : u.events()) {
            if (e.type().equals("sale")) {
                sale(u.device(), u.seq(), e);
            }
        }
    }

    private void sale(String device, long seq, Event e) {
        Doc d;
        try {
            d = Doc.parse(e.body());
        } catch (JsonException | ArithmeticException ex) {
            Logger.warn("pump {}: unreadable sale at seq {}: {}", device, seq, ex.getMessage());
            return;
        }
        String station = stationOf(device);
        long tokenId = d.num("tokenId", -1);
        LedgerEntry booked = money.record(MoneyEventKind.SALE, "sale:" + device + ":" + seq, station, d.num("amount", 0),
                e.timeMillis(), new JsonWriter().beginObject().field("station", station).field("device", device)
                        .field("seq", seq).field("tokenId", tokenId).field("grams", d.num("grams", 0))
                        .field("unitPrice", d.num("unitPrice", 0)).field("pump", d.num("pump", 0)).endObject());
        sales.put(Keys.of(station, Keys.day(e.timeMillis()), device, seq), new JsonWriter().beginObject()
                .field("time", e.timeMillis()).field("grams", d.num("grams", 0)).field("amount", booked.amountMilli())
                .field("unitPrice", d.num("unitPrice", 0)).field("tokenId", tokenId).field("pump", d.num("pump", 0))
                .endObject().toString());
        if (tokenId >= 0) {
            bookings.markUsed(station, tokenId);
        }
    }

    /** One sale. */
    public record Sale(String device, long seq, long timeMillis, long grams, long amount, long unitPrice, long tokenId,
            long pump) {
    }

    /** @return a station's sales with {@code from <= time < to} */
    public List<Sale> sales(String station, long from, long to) {
        List<Sale> out = new ArrayList<>();
        for (Map.Entry<String, String> e : sales.subMap(Keys.of(station, Keys.day(from)),
                Keys.of(station, Keys.day(to - 1) + 1)).entrySet()) {
            String[] p = e.getKey().split("\\|");
            Doc d = Doc.parse(e.getValue());
            long t = d.num("time", 0);
            if (t >= from && t < to) {
                out.add(new Sale(p[2], Long.parseLong(p[3]), t, d.num("grams", 0), d.num("amount", 0),
                        d.num("unitPrice", 0), d.num("tokenId", -1), d.num("pump", 0)));
            }
        }
        return out;
    }

    /** Revenue of one day. */
    public record DayRevenue(long day, long sales, long grams, long amount) {
    }

    /** @return a station's revenue per UTC day with {@code from <= time < to} */
    public List<DayRevenue> revenue(String station, long from, long to) {
        Map<Long, long[]> days = new TreeMap<>();
        for (Sale s : sales(station, from, to)) {
            long[] t = days.computeIfAbsent(Keys.day(s.timeMillis()), k -> new long[3]);
            t[0]++;
            t[1] += s.grams();
            t[2] += s.amount();
        }
        List<DayRevenue> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : days.entrySet()) {
            out.add(new DayRevenue(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        }
        return out;
    }
}
