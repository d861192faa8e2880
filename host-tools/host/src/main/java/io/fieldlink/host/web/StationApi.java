package io.fieldlink.host.web;

import io.fieldlink.host.auth.Role;
import io.fieldlink.host.billing.Keys;
import io.fieldlink.host.billing.station.Bookings;
import io.fieldlink.host.billing.station.StationBooks;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import io.fieldlink.host.registry.DeviceId;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.store.Committer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/bookings} (book a pump slot: a signed booking token expiring at the slot end plus the
 * grace, with a QR PNG beside it) and {@code /api/stations/{station}/...} (pump assignment, bookings,
 * sales books, daily revenue; JSON or CSV). Changes are audited.
 */
public final class StationApi implements ApiRoutes {
    private final DeviceRegistry registry;
    private final Bookings bookings;
    private final StationBooks books;
    private final Committer committer;
    private final AuditLog audit;
    private final Clock clock;

    public StationApi(DeviceRegistry registry, Bookings bookings, StationBooks books, Committer committer, AuditLog audit,
            Clock clock) {
        this.registry = registry;
        this.bookings = bookings;
        this.books = books;
        this.committer = committer;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void addTo(Router r) {
        r.add("POST", "/api/bookings", Role.OPERATOR, this::book)
                .add("GET", "/api/stations/{station}/bookings", Role.VIEWER, this::listBookings)
                .add("GET", "/api/stations/{station}/bookings/{id}/qr.png", Role.VIEWER, this::qr)
                .add("POST", "/api/stations/{station}/pumps", Role.TECHNICIAN, this::assignPump)
                .add("GET", "/api/stations/{station}/sales", Role.VIEWER, this::sales)
                .add("GET", "/api/stations/{station}/revenue", Role.VIEWER, this::revenue);
    }

    private static String station(String id) {
        try {
            return DeviceId.check(id);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("station " + e.getMessage().replace("id ", "code "));
        }
    }

    /** POST {@code {"station", "pump"?, "slotStart", "slotEnd", "kg"}}. */
    private ApiResponse book(ApiRequest req) {
        Map<String, Object> body = req.jsonBody();
        Bodies.only(body, Set.of("station", "pump", "slotStart", "slotEnd", "kg"));
        String station = station(ApiRequest.requiredText(body, "station"));
        long pump = Bodies.integer(body, "pump", 0);
        if (body.containsKey("pump") && (pump < 1 || pump > 255)) {
            throw ApiError.badRequest("field \"pump\" must be 1..255 (or absent for any pump)");
        }
        long start = Bodies.time(body, "slotStart");
        long end = Bodies.time(body, "slotEnd");
        long grams = Bodies.thousandths(body, "kg");
        Bookings.Booking b;
        try {
            b = committer.write(() -> {
                long now = clock.millis();
                Bookings.Booking made = bookings.book(station, (int) pump, start, end, grams, now);
                audit.append(req.principal(), "booking.create", station + " booking " + made.id(), now);
                return made;
            });
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        return ApiResponse.json(201, booking(new JsonWriter(), b).toString());
    }

    private static JsonWriter booking(JsonWriter w, Bookings.Booking b) {
        w.beginObject().field("station", b.station()).field("bookingId", b.id()).field("token", b.token())
                .field("qr", "/api/stations/" + b.station() + "/bookings/" + b.id() + "/qr.png")
                .field("slotStart", Keys.iso(b.slotStart())).field("slotEnd", Keys.iso(b.slotEnd()))
                .field("expiry", Keys.iso(b.expiry())).field("grams", b.grams()).field("status", b.status());
        if (b.pump() > 0) {
            w.field("pump", b.pump());
        }
        return w.endObject();
    }

    private ApiResponse listBookings(ApiRequest req) {
        String station = station(req.pathParams().get(0));
        JsonWriter w = new JsonWriter().beginObject().name("bookings").beginArray();
        for (Bookings.Booking b : bookings.list(station)) {
            booking(w, b);
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private ApiResponse qr(ApiRequest req) {
        String station = station(req.pathParams().get(0));
        long id;
        try {
            id = Long.parseLong(req.pathParams().get(1));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("booking id must be an integer");
        }
        Bookings.Booking b = bookings.find(station, id).orElseThrow(() -> new ApiError(404, "no booking " + id + " at " + station));
        return ApiResponse.binary("image/png", QrPng.of(b.token()));
    }

    /** POST {@code {"device": pump board id}}. */
    private ApiResponse assignPump(ApiRequest req) {
        String station = station(req.pathParams().get(0));
        Map<String, Object> body = req.jsonBody();
        Bodies.only(body, Set.of("device"));
        String id = ApiRequest.requiredText(body, "device");
        Device d = registry.find(id).orElseThrow(() -> ApiError.badRequest("field \"device\": no device '" + id + "'"));
        if (d.board() != BoardKind.PUMP) {
            throw ApiError.badRequest("field \"device\": '" + id + "' is a " + d.board().wireName() + ", not a pump");
        }
        committer.write(() -> {
            books.assign(id, station);
            audit.append(req.principal(), "station.assign", id + " to " + station, clock.millis());
            return null;
        });
        return ApiResponse.json(200, new JsonWriter().beginObject().field("station", station).name("pumps").beginArray()
                .raw(String.join(",", books.pumpsOf(station).stream().map(p -> "\"" + p + "\"").toList()))
                .endArray().endObject().toString());
    }

    private long[] range(ApiRequest req) {
        long to = req.time("to", clock.millis());
        long from = req.time("from", to - Duration.ofDays(30).toMillis());
        if (to <= from) {
            throw ApiError.badRequest("parameter to must be after from");
        }
        return new long[] {from, to};
    }

    private ApiResponse sales(ApiRequest req) {
        String station = station(req.pathParams().get(0));
        long[] r = range(req);
        boolean csv = req.csv();
        StringBuilder out = new StringBuilder("time,device,seq,pump,grams,unit_price,amount,token_id\n");
        JsonWriter w = new JsonWriter().beginObject().field("station", station).name("sales").beginArray();
        for (StationBooks.Sale s : books.sales(station, r[0], r[1])) {
            out.append(Keys.iso(s.timeMillis())).append(',').append(s.device()).append(',').append(s.seq()).append(',')
                    .append(s.pump()).append(',').append(s.grams()).append(',').append(s.unitPrice()).append(',')
                    .append(s.amount()).append(',').append(s.tokenId()).append('\n');
            w.beginObject().field("time", Keys.iso(s.timeMillis())).field("device", s.device()).field("seq", s.seq())
                    .field("pump", s.pump()).field("grams", s.grams()).field("unitPrice", s.unitPrice())
                    .field("amount", s.amount()).field("tokenId", s.tokenId()).endObject();
        }
        return csv ? ApiResponse.csv(out.toString()) : ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private ApiResponse revenue(ApiRequest req) {
        String station = station(req.pathParams().get(0));
        long[] r = range(req);
        boolean csv = req.csv();
        StringBuilder out = new StringBuilder("day,sales,grams,amount\n");
        JsonWriter w = new JsonWriter().beginObject().field("station", station).name("days").beginArray();
        for (StationBooks.DayRevenue d : books.revenue(station, r[0], r[1])) {
            out.append(Keys.isoDay(d.day())).append(',').append(d.sales()).append(',').append(d.grams()).append(',')
                    .append(d.amount()).append('\n');
            w.beginObject().field("day", Keys.isoDay(d.day())).field("sales", d.sales()).field("grams", d.grams())
                    .field("amount", d.amount()).endObject();
        }
        return csv ? ApiResponse.csv(out.toString()) : ApiResponse.json(200, w.endArray().endObject().toString());
    }
}
