package io.fieldlink.host.web;

import io.fieldlink.host.auth.Role;
import io.fieldlink.host.billing.Keys;
import io.fieldlink.host.billing.production.ProductionBooks;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import io.fieldlink.host.registry.DeviceId;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.store.Committer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/production}: daily oil, gas and water (litres) per well and per field, JSON or CSV
 * ({@code format=csv}); {@code POST /api/fields/{field}/wells} puts a well in a field (audited).
 */
public final class ProductionApi implements ApiRoutes {
    private final DeviceRegistry registry;
    private final ProductionBooks books;
    private final Committer committer;
    private final AuditLog audit;
    private final Clock clock;

    public ProductionApi(DeviceRegistry registry, ProductionBooks books, Committer committer, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.books = books;
        this.committer = committer;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void addTo(Router r) {
        r.add("POST", "/api/fields/{field}/wells", Role.TECHNICIAN, this::assign)
                .add("GET", "/api/production/wells/{well}", Role.VIEWER, this::well)
                .add("GET", "/api/production/fields/{field}", Role.VIEWER, this::field);
    }

    private static String field(String id) {
        try {
            return DeviceId.check(id);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("field name: " + e.getMessage());
        }
    }

    private ApiResponse assign(ApiRequest req) {
        String field = field(req.pathParams().get(0));
        Map<String, Object> body = req.jsonBody();
        Bodies.only(body, Set.of("well"));
        String well = ApiRequest.requiredText(body, "well");
        Device d = registry.find(well).orElseThrow(() -> ApiError.badRequest("field \"well\": no device '" + well + "'"));
        if (d.board() != BoardKind.WELLHEAD) {
            throw ApiError.badRequest("field \"well\": '" + well + "' is a " + d.board().wireName() + ", not a wellhead");
        }
        committer.write(() -> {
            books.assign(well, field);
            audit.append(req.principal(), "field.assign", well + " to " + field, clock.millis());
            return null;
        });
        return ApiResponse.json(200, new JsonWriter().beginObject().field("field", field).field("well", well).endObject()
                .toString());
    }

    private long[] days(ApiRequest req) {
        long to = req.time("to", clock.millis());
        long from = req.time("from", to - Duration.ofDays(30).toMillis());
        if (to <= from) {
            throw ApiError.badRequest("parameter to must be after from");
        }
        return new long[] {Keys.day(from), Keys.day(to - 1) + 1};
    }

    private ApiResponse well(ApiRequest req) {
        Device d = DeviceApi.find(registry, req.pathParams().get(0));
        if (d.board() != BoardKind.WELLHEAD) {
            throw ApiError.badRequest("device '" + d.id() + "' is a " + d.board().wireName() + ", not a wellhead");
        }
        long[] r = days(req);
        return answer(req, "well", d.id(), books.well(d.id(), r[0], r[1]));
    }

    private ApiResponse field(ApiRequest req) {
        String field = field(req.pathParams().get(0));
        long[] r = days(req);
        return answer(req, "field", field, books.field(field, r[0], r[1]));
    }

    private static ApiResponse answer(ApiRequest req, String kind, String id, List<ProductionBooks.Day> days) {
        if (req.csv()) {
            StringBuilder out = new StringBuilder(kind + ",day,oil_l,gas_l,water_l\n");
            for (ProductionBooks.Day d : days) {
                out.append(id).append(',').append(Keys.isoDay(d.day())).append(',').append(d.oil()).append(',')
                        .append(d.gas()).append(',').append(d.water()).append('\n');
            }
            return ApiResponse.csv(out.toString());
        }
        JsonWriter w = new JsonWriter().beginObject().field(kind, id).field("unit", "L").name("days").beginArray();
        for (ProductionBooks.Day d : days) {
            w.beginObject().field("day", Keys.isoDay(d.day())).field("oil", d.oil()).field("gas", d.gas())
                    .field("water", d.water()).endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }
}
