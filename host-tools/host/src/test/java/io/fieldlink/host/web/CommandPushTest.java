package io.fieldlink.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.host.HandClock;
import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostFixture.Reply;
import io.fieldlink.host.auth.ApiKeys;
import io.fieldlink.host.auth.Role;
import io.fieldlink.host.billing.BooksRig;
import io.fieldlink.host.billing.MemoryOutbox;
import io.fieldlink.host.config.HostConfig;
import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.store.TimeSeriesStore;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.record.CommandType;
import io.fieldlink.protocol.record.CreditPushBody;
import io.fieldlink.protocol.record.TariffBody;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that a top-up for an online meter is also queued as a signed CREDIT_PUSH (same id as the
 * token, so the meter honours one of them), that an offline meter gets only the token, and that a
 * tariff assignment is queued as a signed TARIFF command, through a {@code CommandOutbox}.
 */
class CommandPushTest {
    private static final long NOW = 1_800_000_000_000L;

    @TempDir
    Path dir;
    final HandClock clock = new HandClock(NOW);
    final MemoryOutbox outbox = new MemoryOutbox();
    BooksRig rig;
    HttpApi http;
    String key;

    @BeforeEach
    void start() {
        rig = new BooksRig(dir, clock, null);
        ApiKeys keys = new ApiKeys(rig.store);
        key = rig.committer.write(() -> {
            rig.registry.provision("on", BoardKind.METER, NOW);
            rig.registry.provision("off", BoardKind.METER, NOW);
            rig.registry.recordSeen("on", NOW - 60_000);
            return keys.create(Role.OPERATOR, "test").key();
        });
        HostConfig config = HostConfig.defaults().with(HostConfig.BIND_ADDRESS, "127.0.0.1");
        List<ApiRoutes> features = List.of(
                new AccountApi(rig.registry, rig.billing.accounts(), rig.billing.topUps(), outbox, rig.committer, rig.audit,
                        clock, Duration.ofMinutes(15)),
                new TariffApi(rig.registry, rig.billing.tariffs(), outbox, () -> rig.billing.keyring().active().pair(),
                        rig.committer, rig.audit, clock));
        http = HttpApi.create(config, 0, rig.registry, new TimeSeriesStore(rig.store), keys, rig.audit, rig.committer,
                new HostMetrics(), clock, features);
        http.begin();
    }

    @AfterEach
    void stop() {
        http.close();
        rig.close();
    }

    private Reply call(String path, String body) {
        return HostFixture.http(http.getListeningPort(), "POST", path, key, body);
    }

    @Test
    void onlineMeterGetsASignedCreditPushWithTheTokensId() {
        Reply r = call("/api/accounts/on/topups", "{\"amount\":40000,\"requestId\":\"p1\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json()).containsKey("command");
        assertThat(outbox.signed).hasSize(1);
        MemoryOutbox.Signed s = outbox.signed.get(0);
        assertThat(s.type()).isEqualTo(CommandType.CREDIT_PUSH);
        CoseSign1 cose = CoseSign1.decode(s.cose());
        IssuerKeyPair active = rig.billing.keyring().active().pair();
        assertThat(cose.verify(BouncyCastleCrypto.INSTANCE, active.publicKey())).isTrue();
        CreditPushBody body = CreditPushBody.decode(cose.payload());
        assertThat(body.deviceId()).isEqualTo("on");
        assertThat(body.amountMilli()).isEqualTo(40000);
        assertThat(body.creditId()).isEqualTo(((java.math.BigDecimal) r.json().get("tokenId")).longValue());

        assertThat(call("/api/accounts/on/topups", "{\"amount\":40000,\"requestId\":\"p1\"}").status()).isEqualTo(200);
        assertThat(outbox.signed).as("a retry does not push twice").hasSize(1);
    }

    @Test
    void offlineMeterGetsOnlyTheToken() {
        Reply r = call("/api/accounts/off/topups", "{\"amount\":40000,\"requestId\":\"p2\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json()).doesNotContainKey("command");
        assertThat(outbox.signed).isEmpty();
    }

    @Test
    void tariffAssignmentIsQueuedSigned() {
        Reply t = call("/api/tariffs", "{\"bands\":[{\"start\":\"00:00\",\"price\":80000},{\"start\":\"18:00\",\"price\":200000}]}");
        assertThat(t.status()).isEqualTo(201);
        Reply a = call("/api/accounts/off/tariff", "{\"tariff\":1,\"from\":" + (NOW + 86_400_000L) + "}");
        assertThat(a.status()).isEqualTo(201);
        assertThat(outbox.signed).hasSize(1);
        CoseSign1 cose = CoseSign1.decode(outbox.signed.get(0).cose());
        assertThat(cose.verify(BouncyCastleCrypto.INSTANCE, rig.billing.keyring().active().pair().publicKey())).isTrue();
        TariffBody body = TariffBody.decode(cose.payload());
        assertThat(body.effectiveFromMs()).isEqualTo(NOW + 86_400_000L);
        assertThat(body.bands()).containsExactly(0, 80000, 1080, 200000);
    }
}
