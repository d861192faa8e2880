package io.fieldlink.host.billing.station;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.host.billing.Doc;
import io.fieldlink.host.billing.Keys;
import io.fieldlink.host.billing.Tables;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.protocol.token.TokenClaims;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pump bookings (table {@code bookings}, {@code station|booking id}) and the numbering per station
 * ({@code booking-counter}). A booking token is valid from the slot start less the grace until the
 * slot end plus the grace; the pump accepts it once. Writes inside a store write.
 */
public final class Bookings {
    /** Largest booking, grams. */
    public static final long MAX_GRAMS = 1_000_000;
    /** Longest slot. */
    public static final Duration MAX_SLOT = Duration.ofHours(24);

    private final NavigableMap<String, String> bookings;
    private final NavigableMap<String, String> counters;
    private final Supplier<IssuerKeyPair> signer;
    private final Duration grace;

    public Bookings(Tables tables, Supplier<IssuerKeyPair> signer, Duration grace) {
        this.bookings = tables.table("bookings");
        this.counters = tables.table("booking-counter");
        this.signer = signer;
        this.grace = grace;
    }

    /** One booking. */
    public record Booking(String station, long id, int pump, long slotStart, long slotEnd, long grams, long expiry,
            String token, long createdAt, String status) {
        String json() {
            return new JsonWriter().beginObject().field("pump", pump).field("slotStart", slotStart)
                    .field("slotEnd", slotEnd).field("grams", grams).field("expiry", expiry).field("token", token)
                    .field("createdAt", createdAt).field("status", status).endObject().toString();
        }

        static Booking parse(String key, String json) {
            String[] p = key.split("\\|");
            Doc d = Doc.parse(json);
            return new Booking(p[0], Long.parseLong(p[1]), (int) d.num("pump", 0), d.num("slotStart", 0),
                    d.num("slotEnd", 0), d.num("grams", 0), d.num("expiry", 0), d.text("token", ""),
                    d.num("createdAt", 0), d.text("status", "booked"));
        }
    }

    /**
     * Books a slot.
     *
     * @param pump pump number, 0 for any pump of the station
     * @param slotStart epoch ms, whole seconds
     * @param slotEnd epoch ms, after the start
     * @throws IllegalArgumentException naming the bad field
     */
    public Booking book(String station, int pump, long slotStart, long slotEnd, long grams, long nowMillis) {
        if (pump < 0 || pump > 255) {
            throw new IllegalArgumentException("field \"pump\" must be 1..255 (or absent for any pump)");
        }
        if (grams <= 0 || grams > MAX_GRAMS) {
            throw new IllegalArgumentException("field \"kg\" must be more than 0 and at most " + MAX_GRAMS / 1000 + " kg");
        }
        if (slotEnd <= slotStart) {
            throw new IllegalArgumentException("field \"slotEnd\" must be after \"slotStart\"");
        }
        if (slotEnd - slotStart > MAX_SLOT.toMillis()) {
            throw new IllegalArgumentException("field \"slotEnd\": a slot is at most " + MAX_SLOT.toHours() + " hours");
        }
        if (slotEnd <= nowMillis) {
            throw new IllegalArgumentException("field \"slotEnd\" is in the past");
        }
        long id = Long.parseLong(counters.getOrDefault(station, "1"));
        long startS = Math.floorDiv(slotStart, 1000);
        long endS = Math.floorDiv(slotEnd + 999, 1000);
        long expiryS = endS + grace.toSeconds();
        String token = new TokenMint(signer.get()).mint(TokenClaims.booking(station, id, grams, startS, endS, expiryS)
                .withNotBefore(Math.max(0, startS - grace.toSeconds())).withPump(pump));
        Booking b = new Booking(station, id, pump, slotStart, slotEnd, grams, expiryS * 1000, token, nowMillis, "booked");
        bookings.put(Keys.of(station, id), b.json());
        counters.put(station, Long.toString(id + 1));
        return b;
    }

    /** @return a booking */
    public Optional<Booking> find(String station, long id) {
        String key = Keys.of(station, id);
        String json = bookings.get(key);
        return json == null ? Optional.empty() : Optional.of(Booking.parse(key, json));
    }

    /** Marks a booking used by a sale. */
    void markUsed(String station, long id) {
        find(station, id).ifPresent(b -> bookings.put(Keys.of(station, id), new Booking(b.station(), b.id(), b.pump(),
                b.slotStart(), b.slotEnd(), b.grams(), b.expiry(), b.token(), b.createdAt(), "used").json()));
    }

    /** @return a station's bookings, by id */
    public List<Booking> list(String station) {
        List<Booking> out = new ArrayList<>();
        for (Map.Entry<String, String> e : bookings.subMap(station + Keys.SEP, Keys.after(station)).entrySet()) {
            out.add(Booking.parse(e.getKey(), e.getValue()));
        }
        return out;
    }
}
