package io.fieldlink.host.web;

import io.fieldlink.host.auth.Role;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.ledger.Checkpoint;
import io.fieldlink.host.ledger.Ledger;
import io.fieldlink.host.ledger.LedgerEntry;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code /api/ledger}: the signed checkpoint, entries as their exact leaf bytes, and RFC 9162
 * inclusion and consistency proofs. Readable by viewers. A checkpoint request signs a new checkpoint
 * when the ledger grew since the last one.
 */
public final class LedgerApi implements ApiRoutes {
    /** Most entries one request returns. */
    static final int MAX_ENTRIES = 1000;

    private final Ledger ledger;
    private final Clock clock;

    public LedgerApi(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void addTo(Router r) {
        r.add("GET", "/api/ledger/checkpoint", Role.VIEWER, this::checkpoint)
                .add("GET", "/api/ledger/entries", Role.VIEWER, this::entries)
                .add("GET", "/api/ledger/proof/inclusion", Role.VIEWER, this::inclusion)
                .add("GET", "/api/ledger/proof/consistency", Role.VIEWER, this::consistency);
    }

    private ApiResponse checkpoint(ApiRequest req) {
        Checkpoint c;
        synchronized (ledger) {
            c = ledger.latestCheckpoint();
            if (c == null || c.size() != ledger.size()) {
                c = ledger.checkpoint(clock.millis());
            }
        }
        return ApiResponse.json(200, new JsonWriter().beginObject().field("size", c.size())
                .field("root", HexFormat.of().formatHex(c.root())).field("time", c.timeMillis()).field("kid", c.keyId())
                .field("signature", Base64.getEncoder().encodeToString(c.signature())).field("signed", c.encode())
                .endObject().toString());
    }

    private ApiResponse entries(ApiRequest req) {
        long size = ledger.size();
        long start = required(req, "start");
        long end = required(req, "end");
        if (end < start) {
            throw ApiError.badRequest("parameter end must not be below start");
        }
        if (start >= size) {
            throw ApiError.badRequest("parameter start " + start + " is not below the ledger size " + size);
        }
        long last = Math.min(Math.min(end, size - 1), start + MAX_ENTRIES - 1);
        JsonWriter w = new JsonWriter().beginObject().name("entries").beginArray();
        for (long i = start; i <= last; i++) {
            LedgerEntry e = ledger.entry(i);
            w.beginObject().field("index", i).field("data", Base64.getEncoder().encodeToString(e.encode()))
                    .field("kind", e.kind().name()).field("key", e.key()).field("account", e.account())
                    .field("amount", e.amountMilli()).field("time", e.timeMillis()).endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private ApiResponse inclusion(ApiRequest req) {
        long index = required(req, "index");
        long size = required(req, "size");
        if (size > ledger.size()) {
            throw ApiError.badRequest("parameter size " + size + " is above the ledger size " + ledger.size());
        }
        if (index >= size) {
            throw ApiError.badRequest("parameter index must be below size");
        }
        return hashes(ledger.inclusionProof(index, size));
    }

    private ApiResponse consistency(ApiRequest req) {
        long first = required(req, "first");
        long second = required(req, "second");
        if (second > ledger.size()) {
            throw ApiError.badRequest("parameter second " + second + " is above the ledger size " + ledger.size());
        }
        if (first < 1 || first > second) {
            throw ApiError.badRequest("parameter first must be 1..second");
        }
        return hashes(ledger.consistencyProof(first, second));
    }

    private static ApiResponse hashes(List<byte[]> proof) {
        JsonWriter w = new JsonWriter().beginObject().name("hashes").beginArray();
        for (byte[] h : proof) {
            w.value(HexFormat.of().formatHex(h));
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private static long required(ApiRequest req, String name) {
        if (!req.query().containsKey(name)) {
            throw ApiError.badRequest("missing parameter " + name);
        }
        return req.number(name, 0);
    }
}
