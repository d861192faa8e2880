package io.fieldlink.host.web;

import io.fieldlink.host.auth.Role;
import io.fieldlink.host.billing.keys.IssuerKey;
import io.fieldlink.host.billing.keys.IssuerKeyring;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.store.Committer;
import java.time.Clock;

/**
 * {@code /api/issuer-keys}: the issuer public keys as a JWK Set (open: boards and verifiers fetch
 * it), rotation and retirement (operators; audited). The keyring change is made (and saved) before
 * the audit entry's write, never inside it: a store write may be replayed, a rotation must not be.
 */
public final class IssuerKeyApi implements ApiRoutes {
    private final IssuerKeyring keyring;
    private final Committer committer;
    private final AuditLog audit;
    private final Clock clock;

    public IssuerKeyApi(IssuerKeyring keyring, Committer committer, AuditLog audit, Clock clock) {
        this.keyring = keyring;
        this.committer = committer;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void addTo(Router r) {
        r.add("GET", "/api/issuer-keys", null, q -> new ApiResponse(200, "application/jwk-set+json", keyring.jwkSet()))
                .add("POST", "/api/issuer-keys/rotate", Role.OPERATOR, this::rotate)
                .add("POST", "/api/issuer-keys/{kid}/retire", Role.OPERATOR, this::retire);
    }

    private ApiResponse rotate(ApiRequest req) {
        long now = clock.millis();
        IssuerKey fresh = keyring.rotate(now);
        committer.write(() -> {
            audit.append(req.principal(), "issuer-key.rotate", fresh.kid(), now);
            return null;
        });
        return ApiResponse.json(201, new JsonWriter().beginObject().field("kid", fresh.kid()).field("status", "active")
                .endObject().toString());
    }

    private ApiResponse retire(ApiRequest req) {
        String kid = req.pathParams().get(0);
        try {
            keyring.retire(kid);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        committer.write(() -> {
            audit.append(req.principal(), "issuer-key.retire", kid, clock.millis());
            return null;
        });
        return ApiResponse.json(200, new JsonWriter().beginObject().field("kid", kid).field("status", "retired")
                .endObject().toString());
    }
}
