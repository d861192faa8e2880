package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.firmware.hal.memory.MemoryActuators;
import io.fieldlink.firmware.hal.memory.MemorySensors;
import io.fieldlink.firmware.jvm.loop.SystemClock;
import io.fieldlink.firmware.meter.MeterApp;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.billing.accounts.AccountReports;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.TrustedKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies the books end to end: the host issues a top-up through its API, the real meter firmware
 * (trusting the host's issuer key) redeems the token, and its records over DTLS feed the host's
 * account: credit redeemed, charged, and a balance that agrees with redeemed − charged.
 */
class MeterBooksOverDtlsTest {
    @TempDir
    Path dir;

    private HostServer host;
    private DtlsBoard<SystemClock> meter;

    @AfterEach
    void stop() throws Exception {
        if (meter != null) {
            meter.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aTopUpRedeemedOnTheMeterIsInTheBooksAndTheBalanceAgrees() throws Exception {
        host = HostServer.builder().dataDir(dir.resolve("host")).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
        IssuerKeyPair issuer = host.billing().keyring().active().pair();
        meter = DtlsBoard.connect(host, "meter-1", BoardKind.METER, new SystemClock(), System.currentTimeMillis())
                .settings(Map.of("config.report_interval", "1s")); // reading packs wait for the report
        MemorySensors sensors = new MemorySensors();
        sensors.set("voltage", 2300).set("current", 21_700).set("power_factor", 1000).set("frequency", 5000)
                .set("active_power", 9_000).set("energy", 0).set("tamper", 0);
        MeterApp app = new MeterApp(new TokenVerifier(BouncyCastleCrypto.INSTANCE,
                new TrustedKeys().add(issuer.keyId(), issuer.publicKey())), 500);
        meter.boot(meter.builder("meter", app).sensors(sensors).actuators(new MemoryActuators().add("relay").add("buzzer"))
                .uplink(new CoapUplinkFactory(new IssuerKeys(), new UplinkOptions().reportIntervalMillis(500))));
        Await.until("the meter's engine runs", () -> meter.call(() -> app.meter() != null));

        HttpResponse<String> topup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + host.httpPort() + "/api/accounts/meter-1/topups"))
                .header("Authorization", "Bearer " + host.operatorKey())
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":250000,\"requestId\":\"hil-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(topup.statusCode()).as(topup.body()).isEqualTo(201);
        String token = topup.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(meter.call(() -> app.meter().redeem(token, meter.clock.wallMillis()).isOk())).isTrue();

        AccountReports reports = new AccountReports(host.billing().accounts());
        try {
            Await.until("the redemption and a later pack are in the books", () -> reports.check("meter-1")
                    .map(c -> c.redeemed() == 250_000 && c.charged() > 0).orElse(false));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + reports.account("meter-1") + " "
                    + host.series().events("meter-1", 0, Long.MAX_VALUE, 50), e);
        }
        AccountReports.Check c = reports.check("meter-1").orElseThrow();
        assertThat(c.mismatch()).as(c.toString()).isFalse();
        assertThat(host.billing().accounts().topUp("meter-1", 0).orElseThrow().status()).isEqualTo("redeemed");
    }
}
