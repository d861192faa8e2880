package io.fieldlink.host.web;

import io.fieldlink.host.auth.Role;
import io.fieldlink.host.billing.Keys;
import io.fieldlink.host.billing.tariff.Tariffs;
import io.fieldlink.host.billing.tariff.TimeOfUseTariff;
import io.fieldlink.host.command.CommandOutbox;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.store.Committer;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.cose.Signer;
import io.fieldlink.protocol.record.CommandType;
import io.fieldlink.protocol.record.TariffBody;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * {@code /api/tariffs} (define and list time-of-use tariffs) and {@code /api/accounts/{meter}/tariff}
 * (assign one from an instant on, now or ahead; the assignment is pushed to the meter as a signed
 * TARIFF command, which waits in the outbox until the meter reports it applied). Changes are
 * operator-only and audited.
 */
public final class TariffApi implements ApiRoutes {
    private final DeviceRegistry registry;
    private final Tariffs tariffs;
    private final CommandOutbox commands;
    private final Supplier<? extends Signer> signer;
    private final Committer committer;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * @param commands where tariff commands are queued, or null when the host has no command outbox
     */
    public TariffApi(DeviceRegistry registry, Tariffs tariffs, CommandOutbox commands, Supplier<? extends Signer> signer,
            Committer committer, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.tariffs = tariffs;
        this.commands = commands;
        this.signer = signer;
        this.committer = committer;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void addTo(Router r) {
        r.add("GET", "/api/tariffs", Role.VIEWER, this::list)
                .add("POST", "/api/tariffs", Role.OPERATOR, this::define)
                .add("GET", "/api/accounts/{meter}/tariff", Role.VIEWER, this::plan)
                .add("POST", "/api/accounts/{meter}/tariff", Role.OPERATOR, this::assign);
    }

    private ApiResponse list(ApiRequest req) {
        JsonWriter w = new JsonWriter().beginObject().name("tariffs").beginArray();
        for (TimeOfUseTariff t : tariffs.all()) {
            t.write(w);
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private ApiResponse define(ApiRequest req) {
        Map<String, Object> body = req.jsonBody();
        TimeOfUseTariff t;
        try {
            t = committer.write(() -> {
                TimeOfUseTariff made = tariffs.define(body);
                audit.append(req.principal(), "tariff.define", Long.toString(made.id()), clock.millis());
                return made;
            });
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        return ApiResponse.json(201, t.write(new JsonWriter()).toString());
    }

    private String meter(ApiRequest req) {
        Device d = DeviceApi.find(registry, req.pathParams().get(0));
        if (d.board() != BoardKind.METER) {
            throw ApiError.badRequest("device '" + d.id() + "' is a " + d.board().wireName() + ", not a meter");
        }
        return d.id();
    }

    private ApiResponse plan(ApiRequest req) {
        String meter = meter(req);
        JsonWriter w = new JsonWriter().beginObject().field("meter", meter).name("plan").beginArray();
        for (Tariffs.Assignment a : tariffs.plan(meter)) {
            w.beginObject().field("tariff", a.tariffId()).field("from", Keys.iso(a.fromMillis()))
                    .field("assignedAt", Keys.iso(a.assignedAtMillis()));
            if (a.commandId() >= 0) {
                w.field("command", a.commandId());
            }
            w.endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    /** POST {@code {"tariff": id, "from": instant (default now)}}. */
    private ApiResponse assign(ApiRequest req) {
        String meter = meter(req);
        Map<String, Object> body = req.jsonBody();
        Bodies.only(body, Set.of("tariff", "from"));
        long tariffId = Bodies.integer(body, "tariff");
        long from = body.containsKey("from") ? Bodies.time(body, "from") : clock.millis();
        if (from < 0) {
            throw ApiError.badRequest("field \"from\" must not be before 1970");
        }
        TariffBody cmd;
        try {
            cmd = committer.write(() -> {
                long now = clock.millis();
                TariffBody b = tariffs.assign(meter, tariffId, from, now);
                audit.append(req.principal(), "tariff.assign", meter + " tariff " + tariffId + " from " + Keys.iso(from), now);
                return b;
            });
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        long commandId = -1;
        if (commands != null) {
            try {
                commandId = commands.queueSigned(meter, CommandType.TARIFF, CoseSign1.sign(cmd.encode(), signer.get()).encode());
                long id = commandId;
                committer.write(() -> {
                    tariffs.noteCommand(meter, from, id);
                    return null;
                });
            } catch (RuntimeException e) {
                Logger.warn(e, "tariff command for {} not queued", meter);
            }
        }
        JsonWriter w = new JsonWriter().beginObject().field("meter", meter).field("tariff", tariffId)
                .field("from", Keys.iso(from));
        if (commandId >= 0) {
            w.field("command", commandId);
        }
        return ApiResponse.json(201, w.endObject().toString());
    }
}
