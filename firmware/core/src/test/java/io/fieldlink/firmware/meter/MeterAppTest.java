package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.firmware.console.Reply;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.uplink.FakeHost;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.cose.Signer;
import io.fieldlink.protocol.record.Command;
import io.fieldlink.protocol.record.CommandType;
import io.fieldlink.protocol.record.CreditPushBody;
import io.fieldlink.protocol.record.TokenRedemption;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.token.TokenClaims;
import io.fieldlink.protocol.token.TokenText;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.TrustedKeys;
import io.fieldlink.protocol.token.VerdictReason;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterAppTest {
    static final IssuerKeyPair ISSUER = IssuerKeyPair.fromSeed(fill(1));
    static final byte[] PUSH_KID = {2};
    static final byte[] PUSH_KEY = fill(5);

    final MemoryHal hal = new MemoryHal();
    final FakeHost host = new FakeHost(hal.network());
    final CoapUplinkFactory uplinks = new CoapUplinkFactory(new IssuerKeys().add(PUSH_KID, PUSH_KEY),
            new UplinkOptions().debounceMillis(500));
    final TokenVerifier verifier = new TokenVerifier(BouncyCastleCrypto.INSTANCE,
            new TrustedKeys().add(ISSUER.keyId(), ISSUER.publicKey()));
    MeterConfig config = MeterConfig.builder(Tariff.builder(1).band(WeekMask.EVERY_DAY, 0, 24, 100_000).build())
            .build();
    long packMillis = 3_600_000;
    MeterApp app;
    Board board;

    static byte[] fill(int v) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) v);
        return b;
    }

    void boot() {
        if (board == null) {
            hal.actuators().add("relay").add("buzzer");
        }
        hal.sensors().set("voltage", 2300).set("current", 21_700).set("power_factor", 1000).set("frequency", 5000)
                .set("active_power", 5000).set("energy", 0).set("tamper", 0);
        app = new MeterApp(config, verifier, packMillis);
        board = Board.builder().definition(BoardLoader.builtIn("meter")).app(app).deviceId("m-1")
                .clock(hal.clock()).storage(hal.storage()).transport(hal.network()).console(hal.console())
                .sensors(hal.sensors()).actuators(hal.actuators()).crypto(hal.crypto()).log(hal.log())
                .uplink(uplinks).samplePeriodMillis(1000).build();
        board.boot();
    }

    void runFor(long ms) {
        host.runWith(board, hal.clock(), ms);
    }

    Reply console(String line) {
        return board.context().shell().execute(line);
    }

    static String token(long id, long amount) {
        return TokenText.encode(TokenClaims.credit("m-1", id, amount), ISSUER);
    }

    /** Stores a board config value before the next boot. */
    void configure(String key, String value) {
        Settings s = new Settings(hal.storage().area("settings"));
        s.put("config." + key, value);
        s.commit();
    }

    List<io.fieldlink.protocol.senml.SenmlPack> packsAtHost() {
        return host.stored.values().stream()
                .filter(r -> r.kind() == UplinkRecord.TELEMETRY && r.telemetry().get(0).name().equals("balance"))
                .map(UplinkRecord::telemetry).toList();
    }

    List<TokenRedemption> redemptionsAtHost() {
        return host.stored.values().stream().filter(r -> r.kind() == UplinkRecord.TOKEN_REDEMPTION)
                .map(r -> (TokenRedemption) r.event()).toList();
    }

    long relay() {
        return hal.actuators().get("relay");
    }

    @Test
    void thePeriodicPackCarriesTheMeanActivePowerBeforeTheEnergyReading() {
        boot();
        runFor(5_000);
        assertThat(app.meter()).isNotNull();
        hal.sensors().set("active_power", 1000);
        runFor(1_800_000);
        hal.sensors().set("active_power", 3000);
        runFor(1_800_000);
        List<io.fieldlink.protocol.senml.SenmlPack> packs = host.stored.values().stream()
                .filter(r -> r.kind() == UplinkRecord.TELEMETRY && r.telemetry().get(0).name().equals("balance"))
                .map(UplinkRecord::telemetry).toList();
        assertThat(packs).hasSizeGreaterThanOrEqualTo(2);
        io.fieldlink.protocol.senml.SenmlPack last = packs.get(packs.size() - 1);
        assertThat(last.size()).isEqualTo(4);
        assertThat(last.get(1).name()).isEqualTo("active_power");
        assertThat(last.get(1).unit()).isEqualTo("W");
        assertThat(last.get(1).value()).as("half an hour at 1 kW, half an hour at 3 kW").isBetween(1_995.0, 2_005.0);
        assertThat(last.get(2).name()).isEqualTo("energy");
        assertThat(last.get(3).name()).isEqualTo("charged");
    }

    @Test
    void runsDownToZeroOpensTheRelayAndATypedTokenClosesIt() {
        boot();
        runFor(2000);
        assertThat(app.meter()).isNotNull();
        assertThat(relay()).isEqualTo(MeterApp.RELAY_OPEN);
        assertThat(console("login 4711").failed()).isFalse();
        assertThat(console("credit " + token(1, 2000)).failed()).isFalse();
        assertThat(relay()).isEqualTo(MeterApp.RELAY_CLOSED);
        runFor(30_000);
        assertThat(app.meter().balance()).isLessThanOrEqualTo(0);
        assertThat(relay()).isEqualTo(MeterApp.RELAY_OPEN);
        assertThat(console("credit " + token(2, 10_000)).failed()).isFalse();
        assertThat(relay()).isEqualTo(MeterApp.RELAY_CLOSED);
        runFor(5000);
        assertThat(redemptionsAtHost()).extracting(TokenRedemption::tokenId).containsExactly(1L, 2L);
        assertThat(redemptionsAtHost()).allMatch(TokenRedemption::accepted);
        assertThat(host.stored.values()).anyMatch(r -> r.kind() == UplinkRecord.TELEMETRY);
        assertThat(board.context().journal().unackedCount()).isZero();
    }

    @Test
    void aReplayedTokenIsRefusedAfterAPowerCut() {
        boot();
        runFor(2000);
        console("login 4711");
        String token = token(7, 50_000);
        assertThat(console("credit " + token).failed()).isFalse();
        long balance = app.meter().balance();
        runFor(3000);
        hal.storage().cutPowerAfter(0);
        runFor(120_000);
        assertThat(hal.storage().powered()).as("the power failed during a write").isFalse();
        hal.storage().restorePower();
        hal.clock().forgetWallTime();
        boot();
        runFor(2000);
        assertThat(app.meter().balance()).isBetween(balance - 2000, balance);
        console("login 4711");
        Reply again = console("credit " + token);
        assertThat(again.errorCode()).isEqualTo("replayed");
        assertThat(app.meter().balance()).isLessThanOrEqualTo(balance);
        runFor(5000);
        assertThat(redemptionsAtHost()).extracting(TokenRedemption::tokenId).containsExactly(7L, 7L);
        assertThat(redemptionsAtHost().get(1).reasonCode()).isEqualTo(VerdictReason.REPLAYED.ordinal());
        assertThat(host.hellos).hasSize(2);
    }

    @Test
    void creditPushedByTheHostTakesTheTokenPathAndCannotBeReplayed() {
        byte[] body = new CreditPushBody("m-1", 40, 3000, 0).encode();
        boot();
        runFor(2000);
        host.pendingCommands.add(Command.signed(CommandType.CREDIT_PUSH, 1, sign(body)));
        host.pendingCommands.add(Command.signed(CommandType.CREDIT_PUSH, 2, sign(body)));
        console("login 4711");
        console("credit " + token(1, 1000));
        runFor(5000);
        assertThat(redemptionsAtHost()).extracting(TokenRedemption::tokenId).startsWith(1L, 40L, 40L);
        assertThat(redemptionsAtHost().get(1).accepted()).isTrue();
        assertThat(redemptionsAtHost().get(2).reasonCode()).isEqualTo(VerdictReason.REPLAYED.ordinal());
        assertThat(app.meter().ledger(new PrepaidLedger()).creditIn()).isEqualTo(4000);
    }

    @Test
    void aCreditPushRidingOnTheHelloAnswerIsApplied() {
        host.pendingCommands.add(Command.signed(CommandType.CREDIT_PUSH, 1,
                sign(new CreditPushBody("m-1", 41, 3000, 0).encode())));
        boot();
        runFor(2000);
        assertThat(app.meter().ledger(new PrepaidLedger()).creditIn()).isEqualTo(3000);
        assertThat(relay()).isEqualTo(MeterApp.RELAY_CLOSED);
        assertThat(redemptionsAtHost()).extracting(TokenRedemption::tokenId).containsExactly(41L);
    }

    @Test
    void aHostCreditPushForAnotherMeterOrWithABadSignatureChangesNothing() {
        boot();
        runFor(2000);
        host.pendingCommands.add(Command.signed(CommandType.CREDIT_PUSH, 1,
                sign(new CreditPushBody("m-2", 42, 3000, 0).encode())));
        byte[] forged = sign(new CreditPushBody("m-1", 43, 3000, 0).encode());
        forged[forged.length - 1] ^= 1;
        host.pendingCommands.add(Command.signed(CommandType.CREDIT_PUSH, 2, forged));
        console("login 4711");
        console("credit " + token(1, 1000));
        runFor(5000);
        assertThat(app.meter().ledger(new PrepaidLedger()).creditIn()).isEqualTo(1000);
        assertThat(redemptionsAtHost()).extracting(TokenRedemption::tokenId).containsExactly(1L);
    }

    @Test
    void rulesFromTheBoardConfigKeepTheSupplyOnInFriendlyHours() {
        hal.actuators().add("relay").add("buzzer");
        board = Board.builder().definition(BoardLoader.builtIn("meter")).app(app = new MeterApp(verifier, 3_600_000))
                .deviceId("m-1").clock(hal.clock()).storage(hal.storage()).transport(hal.network())
                .console(hal.console()).sensors(hal.sensors()).actuators(hal.actuators()).crypto(hal.crypto())
                .log(hal.log()).uplink(uplinks).samplePeriodMillis(1000).build();
        board.boot();
        runFor(2000);
        // the fake host's time is Friday 04:40 UTC: inside the board's default friendly hours 18:00-08:00
        assertThat(app.meter().balance()).isZero();
        assertThat(app.meter().isFriendly(hal.clock().wallMillis())).isTrue();
        assertThat(relay()).isEqualTo(MeterApp.RELAY_CLOSED);
        assertThat(console("tariff").failed()).isFalse();
    }

    @Test
    void readingPacksWaitForTheReportWhileATokenGoesAtOnceAndTakesThemAlong() {
        configure("report_interval", "1d");
        boot();
        runFor(5_000);
        assertThat(board.context().journal().unackedCount()).as("booted and relay events went at once").isZero();
        int batches = host.batches;

        runFor(6 * 3_600_000L);
        assertThat(host.batches).as("six hourly packs, no uplink").isEqualTo(batches);
        assertThat(board.context().journal().unackedCount()).isEqualTo(6);

        console("login 4711");
        assertThat(console("credit " + token(1, 50_000)).failed()).isFalse();
        runFor(5_000);
        assertThat(redemptionsAtHost()).extracting(TokenRedemption::tokenId).containsExactly(1L);
        assertThat(board.context().journal().unackedCount()).as("the waiting packs went with the token").isZero();
        assertThat(packsAtHost()).hasSize(7);
        assertThat(host.stored.keySet()).as("no gap").containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, host.stored.size()).boxed().toList());
    }

    @Test
    void aDayOfQuarterHourPacksWaitsInTheJournalAndGoesUpWithTheDailyReport() {
        configure("report_interval", "1d");
        packMillis = 900_000;
        config = MeterConfig.builder(Tariff.builder(1).band(WeekMask.EVERY_DAY, 0, 24, 100_000).build())
                .emergencyCredit(0, 0).build();
        boot();
        hal.sensors().set("active_power", 500);
        runFor(5_000);
        console("login 4711");
        console("credit " + token(1, 5_000_000));
        runFor(5_000);
        int batches = host.batches;
        long acked = board.context().journal().firstUnackedSeq();

        runFor(86_400_000L - 30_000);
        assertThat(host.batches).as("a day of packs, no uplink yet").isEqualTo(batches);
        assertThat(board.context().journal().unackedCount()).isEqualTo(95);
        assertThat(board.context().journal().usedBytes()).as("a day of packs fills under half the journal")
                .isLessThan(board.context().journal().capacityBytes() / 2);
        runFor(60_000);
        assertThat(board.context().journal().unackedCount()).isZero();
        assertThat(board.context().journal().firstUnackedSeq()).isEqualTo(acked + 96);
        assertThat(host.batches - batches).as("the day in full datagrams, one after the other").isBetween(1, 12);
        assertThat(app.records().lostCount()).isZero();
        assertThat(host.stored.keySet()).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, host.stored.size()).boxed().toList());
    }

    @Test
    void packsThatWouldOverflowTheJournalBeforeTheReportGoUpEarlyAndNoneIsLost() {
        configure("report_interval", "1d");
        packMillis = 30_000; // 2,880 packs a day: ~270 KB, four times the 64 KiB journal
        boot();
        hal.sensors().set("active_power", 500);
        runFor(5_000);
        console("login 4711");
        console("credit " + token(1, 5_000_000));
        runFor(86_400_000L);
        assertThat(app.records().lostCount()).as("records dropped for a full journal").isZero();
        assertThat(board.context().journal().usedBytes()).isLessThanOrEqualTo(board.context().journal().capacityBytes() / 2 + 200);
        assertThat(packsAtHost().size()).as("packs at the host before the daily report").isGreaterThan(2_500);
        assertThat(host.stored.keySet()).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, host.stored.size()).boxed().toList());
    }

    @Test
    void pushReadingsSendsEveryPackAtOnceFromTheMomentItIsSet() {
        configure("report_interval", "1d");
        boot();
        runFor(2 * 3_600_000L + 5_000);
        assertThat(board.context().journal().unackedCount()).isEqualTo(2);
        console("login 4711");
        assertThat(console("config set push_readings true").failed()).isFalse();
        runFor(5_000);
        assertThat(board.context().journal().unackedCount()).isZero();
        runFor(3_600_000L);
        assertThat(board.context().journal().unackedCount()).as("the next pack went within seconds").isZero();
        assertThat(packsAtHost()).hasSize(4);
    }

    @Test
    void aPowerCutNeverTakesBackChargesThatAReadingPackReported() {
        configure("push_readings", "true");
        config = MeterConfig.builder(Tariff.builder(1).band(WeekMask.EVERY_DAY, 0, 24, 100_000).build())
                .persistIntervalMillis(7_200_000).build();
        boot();
        runFor(5_000);
        console("login 4711");
        console("credit " + token(1, 5_000_000));
        runFor(3_600_000L);
        List<io.fieldlink.protocol.senml.SenmlPack> packs = packsAtHost();
        long reported = (long) packs.get(packs.size() - 1).get(3).value();
        assertThat(reported).as("charges the last pack reported").isPositive();
        hal.storage().cutPowerAfter(0);
        runFor(3_600_000L);
        assertThat(hal.storage().powered()).as("the power failed during a write").isFalse();
        hal.storage().restorePower();
        hal.clock().forgetWallTime();
        boot();
        runFor(2_000);
        PrepaidLedger ledger = app.meter().ledger(new PrepaidLedger());
        assertThat(ledger.charges()).isGreaterThanOrEqualTo(reported);
        assertThat(ledger.creditIn() - ledger.charges()).isEqualTo(app.meter().balance());
    }

    byte[] sign(byte[] payload) {
        return CoseSign1.sign(payload, new Signer() {
            @Override
            public byte[] keyId() {
                return PUSH_KID.clone();
            }

            @Override
            public byte[] sign(byte[] message) {
                return hal.crypto().simulatedSign(PUSH_KEY, message);
            }
        }).encode();
    }
}
