package io.fieldlink.host.web;

import io.fieldlink.host.auth.Role;
import io.fieldlink.host.billing.Keys;
import io.fieldlink.host.billing.accounts.AccountBooks;
import io.fieldlink.host.billing.accounts.AccountReports;
import io.fieldlink.host.billing.accounts.TopUps;
import io.fieldlink.host.command.CommandOutbox;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.store.Committer;
import io.fieldlink.protocol.record.CommandType;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.tinylog.Logger;

/**
 * {@code /api/accounts} (one per meter): accounts, statements, top-ups (signed credit tokens with a
 * QR PNG beside them, idempotent by request id, pushed as a CREDIT_PUSH command when the meter is
 * online), void and re-issue, and {@code /api/reconciliation}. Changes are operator-only and audited.
 */
public final class AccountApi implements ApiRoutes {
    private final DeviceRegistry registry;
    private final AccountBooks books;
    private final AccountReports reports;
    private final TopUps topups;
    private final CommandOutbox commands;
    private final Committer committer;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration offlineAfter;

    /**
     * @param commands where credit pushes are queued, or null when the host has no command outbox
     */
    public AccountApi(DeviceRegistry registry, AccountBooks books, TopUps topups, CommandOutbox commands,
            Committer committer, AuditLog audit, Clock clock, Duration offlineAfter) {
        this.registry = registry;
        this.books = books;
        this.reports = new AccountReports(books);
        this.topups = topups;
        this.commands = commands;
        this.committer = committer;
        this.audit = audit;
        this.clock = clock;
        this.offlineAfter = offlineAfter;
    }

    @Override
    public void addTo(Router r) {
        r.add("GET", "/api/accounts", Role.VIEWER, this::list)
                .add("GET", "/api/accounts/{meter}", Role.VIEWER, q -> ApiResponse.json(200, reports.account(meter(q))))
                .add("GET", "/api/accounts/{meter}/statement", Role.VIEWER, this::statement)
                .add("GET", "/api/accounts/{meter}/topups", Role.VIEWER, this::listTopups)
                .add("POST", "/api/accounts/{meter}/topups", Role.OPERATOR, this::topup)
                .add("GET", "/api/accounts/{meter}/topups/{token}/qr.png", Role.VIEWER, this::qr)
                .add("POST", "/api/accounts/{meter}/topups/{token}/void", Role.OPERATOR, this::voidToken)
                .add("GET", "/api/reconciliation", Role.VIEWER, q -> ApiResponse.json(200, reports.reconciliation()));
    }

    /** @return the path's meter id; 404 when unknown, 400 when the device is not a meter */
    private String meter(ApiRequest req) {
        Device d = DeviceApi.find(registry, req.pathParams().get(0));
        if (d.board() != BoardKind.METER) {
            throw ApiError.badRequest("device '" + d.id() + "' is a " + d.board().wireName() + ", not a meter");
        }
        return d.id();
    }

    private ApiResponse list(ApiRequest req) {
        JsonWriter w = new JsonWriter().beginObject().name("accounts").beginArray();
        for (Device d : registry.all()) {
            if (d.board() == BoardKind.METER) {
                w.raw(reports.account(d.id()));
            }
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private ApiResponse statement(ApiRequest req) {
        String meter = meter(req);
        long now = clock.millis();
        long to = req.time("to", now);
        long from = req.time("from", to - Duration.ofDays(30).toMillis());
        if (to <= from) {
            throw ApiError.badRequest("parameter to must be after from");
        }
        return ApiResponse.json(200, reports.statement(meter, from, to));
    }

    private ApiResponse listTopups(ApiRequest req) {
        String meter = meter(req);
        JsonWriter w = new JsonWriter().beginObject().name("topups").beginArray();
        for (AccountBooks.TopUp t : books.topUps(meter)) {
            topup(w, t);
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private static JsonWriter topup(JsonWriter w, AccountBooks.TopUp t) {
        w.beginObject().field("meter", t.meter()).field("tokenId", t.tokenId()).field("amount", t.amount())
                .field("requestId", t.requestId()).field("token", t.token())
                .field("qr", "/api/accounts/" + t.meter() + "/topups/" + t.tokenId() + "/qr.png")
                .field("issuedAt", Keys.iso(t.issuedAt())).field("status", t.status());
        if (t.commandId() >= 0) {
            w.field("command", t.commandId());
        }
        if (t.replacedBy() != null) {
            w.field("replacedBy", t.replacedBy());
        }
        return w.endObject();
    }

    /** POST {@code {"amount": milli-units, "requestId": text}} → 201 with the token (200 on a retry). */
    private ApiResponse topup(ApiRequest req) {
        String meter = meter(req);
        Map<String, Object> body = req.jsonBody();
        Bodies.only(body, Set.of("amount", "requestId"));
        long amount = Bodies.integer(body, "amount");
        String requestId = ApiRequest.requiredText(body, "requestId");
        TopUps.Issued issued;
        try {
            issued = committer.write(() -> {
                long now = clock.millis();
                TopUps.Issued i = topups.issue(meter, amount, requestId, now);
                if (i.created()) {
                    audit.append(req.principal(), "topup.issue", meter + " token " + i.topUp().tokenId() + " amount " + amount, now);
                }
                return i;
            });
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiError(409, e.getMessage());
        }
        AccountBooks.TopUp t = push(issued.topUp());
        return ApiResponse.json(issued.created() ? 201 : 200, topup(new JsonWriter(), t).toString());
    }

    /** Queues the credit as a signed command when the meter is online and it was not queued before. */
    private AccountBooks.TopUp push(AccountBooks.TopUp t) {
        if (commands == null || t.commandId() >= 0 || !t.status().equals("issued") || !online(t.meter())) {
            return t;
        }
        long id;
        try {
            id = commands.queueSigned(t.meter(), CommandType.CREDIT_PUSH, topups.creditPush(t));
        } catch (RuntimeException e) {
            Logger.warn(e, "credit push for {} token {} not queued; the token still works", t.meter(), t.tokenId());
            return t;
        }
        committer.write(() -> {
            topups.noteCommand(t, id);
            return null;
        });
        return books.topUp(t.meter(), t.tokenId()).orElse(t);
    }

    private boolean online(String meter) {
        return registry.find(meter).map(d -> d.lastSeen() > 0 && clock.millis() - d.lastSeen() <= offlineAfter.toMillis())
                .orElse(false);
    }

    private long tokenId(ApiRequest req) {
        String text = req.pathParams().get(1);
        try {
            long id = Long.parseLong(text);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("token id must be a non-negative integer, got '" + text + "'");
        }
    }

    private ApiResponse qr(ApiRequest req) {
        String meter = meter(req);
        long id = tokenId(req);
        AccountBooks.TopUp t = books.topUp(meter, id).orElseThrow(() -> new ApiError(404, "no top-up " + id + " for " + meter));
        if (t.token().isEmpty()) {
            throw new ApiError(404, "top-up " + id + " has no token");
        }
        return ApiResponse.binary("image/png", QrPng.of(t.token()));
    }

    private ApiResponse voidToken(ApiRequest req) {
        String meter = meter(req);
        long id = tokenId(req);
        AccountBooks.TopUp fresh;
        try {
            fresh = committer.write(() -> {
                long now = clock.millis();
                AccountBooks.TopUp f = topups.voidAndReissue(meter, id, now);
                audit.append(req.principal(), "topup.void", meter + " token " + id + " reissued as " + f.tokenId(), now);
                return f;
            });
        } catch (IllegalArgumentException e) {
            throw new ApiError(404, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiError(409, e.getMessage());
        }
        fresh = push(fresh);
        return ApiResponse.json(201, new JsonWriter().beginObject().field("voided", id).name("reissued")
                .raw(topup(new JsonWriter(), fresh).toString()).endObject().toString());
    }
}
