package io.fieldlink.firmware.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.kernel.Readings;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.cose.Signer;
import io.fieldlink.protocol.record.Command;
import io.fieldlink.protocol.record.CommandResult;
import io.fieldlink.protocol.record.CommandType;
import io.fieldlink.protocol.record.RelayOverrideBody;
import io.fieldlink.protocol.record.CreditPushBody;
import io.fieldlink.protocol.record.TokenRedemption;
import io.fieldlink.protocol.record.UplinkRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoapUplinkTest {
    static final long T0 = 1_700_000_000_000L;
    static final byte[] ISSUER_KID = {1};
    static final byte[] ISSUER_KEY = fill(32, 7);
    static final byte[] ROGUE_KEY = fill(32, 9);

    final MemoryHal hal = new MemoryHal();
    final FakeHost host = new FakeHost(hal.network());
    final List<HostCommand> commands = new ArrayList<>();
    boolean hostGoesDownOnCommand;
    final CoapUplinkFactory factory = new CoapUplinkFactory(new IssuerKeys().add(ISSUER_KID, ISSUER_KEY),
            new UplinkOptions().debounceMillis(1000).backoffBaseMillis(30_000).backoffCapMillis(3_600_000)
                    .maxBatchRecords(8));
    Board board;

    final BoardApp app = new BoardApp() {
        @Override
        public void boot(BoardContext context) {
            context.uplink().setCommandHandler(c -> {
                commands.add(c);
                if (hostGoesDownOnCommand) {
                    host.down = true;
                }
                return c.name().equals("relay") ? 4 : 0;
            });
        }

        @Override
        public void sampleTick(BoardContext context, Readings readings) {
        }

        @Override
        public void shutdown(BoardContext context) {
        }
    };

    static byte[] fill(int n, int v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    void boot() {
        hal.sensors().set("voltage", 2300).set("current", 5000).set("power_factor", 950).set("frequency", 5000)
                .set("active_power", 1100).set("energy", 0).set("tamper", 0);
        if (board == null) {
            hal.actuators().add("relay").add("buzzer");
        }
        board = Board.builder().definition(BoardLoader.builtIn("meter")).app(app).deviceId("m-1")
                .clock(hal.clock()).storage(hal.storage()).transport(hal.network()).console(hal.console())
                .sensors(hal.sensors()).actuators(hal.actuators()).crypto(hal.crypto()).log(hal.log())
                .uplink(factory).samplePeriodMillis(60_000).build();
        board.boot();
    }

    /** Runs the board's loop and the host for {@code ms} of fake time. */
    void runFor(long ms) {
        host.runWith(board, hal.clock(), ms);
    }

    long redemption(long tokenId, long time) {
        byte[] body = new TokenRedemption(tokenId, TokenRedemption.KIND_CREDIT, TokenRedemption.ACCEPTED, 5000).encode();
        long seq = journal().append(UplinkRecord.TOKEN_REDEMPTION, time, body, 0, body.length);
        board.context().uplink().reportNow();
        return seq;
    }

    Journal journal() {
        return board.context().journal();
    }

    CoapUplink uplink() {
        return factory.last();
    }

    void assertHostHoldsOnce(int n) {
        assertThat(host.stored.keySet()).hasSize(n);
        assertThat(host.arrivalOrder).hasSize(n).isSorted();
        for (long s = 1; s <= n; s++) {
            UplinkRecord r = host.stored.get(s);
            assertThat(r).as("seq %d", s).isNotNull();
            assertThat(r.occurredAtMs()).isEqualTo(T0 + s * 1000);
            assertThat(((TokenRedemption) r.event()).tokenId()).isEqualTo(100 + s);
        }
    }

    @Test
    void helloSetsTheWallClockAndRecordsArriveInOrderWithTheirTimes() {
        boot();
        runFor(1000);
        assertThat(host.hellos).hasSize(1);
        assertThat(host.hellos.get(0).boardKind()).isEqualTo("meter");
        assertThat(host.hellos.get(0).boardId()).isEqualTo("m-1");
        assertThat(hal.clock().wallTimeKnown()).isTrue();
        assertThat(hal.clock().wallMillis()).isBetween(host.hostTimeMs, host.hostTimeMs + 1000);
        for (int i = 1; i <= 20; i++) {
            redemption(100 + i, T0 + i * 1000L);
        }
        runFor(5000);
        assertHostHoldsOnce(20);
        assertThat(host.batches).isGreaterThanOrEqualTo(3);
        assertThat(journal().unackedCount()).isZero();
        assertThat(uplink().ackedSeq()).isEqualTo(20);
        assertThat(uplink().hostReachable()).isTrue();
    }

    @Test
    void reportsOnTheIntervalWithoutAnEvent() {
        boot();
        runFor(1000);
        byte[] body = new TokenRedemption(101, TokenRedemption.KIND_CREDIT, 0, 5000).encode();
        journal().append(UplinkRecord.TOKEN_REDEMPTION, T0 + 1000, body, 0, body.length);
        runFor(14 * 60_000);
        assertThat(host.stored).isEmpty();
        runFor(2 * 60_000);
        assertHostHoldsOnce(1);
    }

    @Test
    void aLostAckMeansTheBatchIsSentAgainAndStoredOnce() {
        boot();
        runFor(1000);
        for (int i = 1; i <= 5; i++) {
            redemption(100 + i, T0 + i * 1000L);
        }
        host.answersToLose = 1;
        runFor(2000);
        assertThat(host.stored).hasSize(5);
        assertThat(journal().unackedCount()).isEqualTo(5);
        runFor(10 * 60_000);
        assertThat(host.resent).isEqualTo(5);
        assertHostHoldsOnce(5);
        assertThat(journal().unackedCount()).isZero();
    }

    @Test
    void anOutageOfDaysBacksOffToTheCapThenBackfills() {
        boot();
        runFor(1000);
        host.down = true;
        int hellosBefore = host.hellos.size();
        for (int i = 1; i <= 40; i++) {
            redemption(100 + i, T0 + i * 1000L);
            runFor(3 * 3_600_000L);
        }
        assertThat(uplink().hostReachable()).isFalse();
        assertThat(uplink().backoffMillis()).isEqualTo(3_600_000L);
        host.down = false;
        int attemptsBefore = (int) uplink().batchesSent();
        runFor(2 * 3_600_000L);
        assertHostHoldsOnce(40);
        assertThat(host.hellos).hasSize(hellosBefore);
        assertThat(journal().unackedCount()).isZero();
        assertThat(uplink().hostReachable()).isTrue();
        // 5 days offline, capped at one attempt an hour (each attempt: 1 + 4 retransmissions)
        assertThat(attemptsBefore).isLessThan(5 * 24 + 12);
    }

    @Test
    void aPowerCutWhileAcknowledgingLosesAndDoublesNothing() {
        boot();
        runFor(1000);
        for (int i = 1; i <= 6; i++) {
            redemption(100 + i, T0 + i * 1000L);
        }
        hal.storage().cutPowerAfter(3);
        runFor(2000);
        assertThat(board.faults()).as("the cut takes the board's fault path (a reset)").isPositive();
        hal.storage().restorePower();
        hal.clock().forgetWallTime();
        boot();
        for (int i = 7; i <= 12; i++) {
            redemption(100 + i, T0 + i * 1000L);
        }
        runFor(10 * 60_000);
        assertHostHoldsOnce(12);
        assertThat(host.hellos).hasSize(2);
        assertThat(host.hellos.get(1).bootCount()).isEqualTo(2);
        assertThat(journal().unackedCount()).isZero();
        assertThat(hal.clock().wallTimeKnown()).isTrue();
    }

    @Test
    void aSignedCreditPushReachesTheAppAndUnsignedOrWronglySignedOnesAreRefused() {
        byte[] body = new CreditPushBody("m-1", 9, 50_000, T0).encode();
        host.pendingCommands.add(Command.signed(CommandType.CREDIT_PUSH, 1, sign(body, ISSUER_KEY)));
        host.pendingCommands.add(Command.signed(CommandType.CREDIT_PUSH, 2, sign(body, ROGUE_KEY)));
        host.pendingCommands.add(Command.signed(CommandType.TARIFF, 3, body));
        host.pendingCommands.add(Command.signed(CommandType.CREDIT_PUSH, 1, sign(body, ISSUER_KEY)));
        boot();
        runFor(1000);
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).name()).isEqualTo("credit");
        assertThat(commands.get(0).signed()).isTrue();
        assertThat(commands.get(0).arguments()).isEqualTo(body);
        assertThat(uplink().commandGate().refusedCount()).isEqualTo(2);
        host.pendingCommands.add(Command.configSet(4, "report_interval", "5min"));
        redemption(101, T0 + 1000);
        runFor(5000);
        assertThat(commands).hasSize(2);
        assertThat(commands.get(1).name()).isEqualTo("config");
        assertThat(commands.get(1).signed()).isFalse();
    }

    @Test
    void anEventIsReportedAfterTheDebounceNotBefore() {
        boot();
        runFor(1000);
        redemption(101, T0 + 1000);
        runFor(900);
        assertThat(host.stored).isEmpty();
        runFor(200);
        assertHostHoldsOnce(1);
    }

    @Test
    void backoffDoublesPerFailureUpToTheCap() {
        boot();
        runFor(1000);
        host.down = true;
        redemption(101, T0 + 1000);
        java.util.TreeSet<Long> waits = new java.util.TreeSet<>();
        for (int i = 0; i < 12 * 60; i++) {
            runFor(60_000);
            waits.add(uplink().backoffMillis());
        }
        assertThat(waits).containsExactly(0L, 30_000L, 60_000L, 120_000L, 240_000L, 480_000L, 960_000L,
                1_920_000L, 3_600_000L);
    }

    @Test
    void batchesFitTheDatagram() {
        boot();
        runFor(1000);
        String big = "x".repeat(300);
        for (int i = 1; i <= 12; i++) {
            io.fieldlink.protocol.cbor.CborWriter w = new io.fieldlink.protocol.cbor.CborWriter();
            w.writeArrayHeader(1).writeMapHeader(2).writeInt(0).writeText("note").writeInt(3).writeText(big);
            journal().append(UplinkRecord.TELEMETRY, T0 + i * 1000L, w.toByteArray(), 0, w.size());
        }
        board.context().uplink().reportNow();
        runFor(10_000);
        assertThat(host.stored).hasSize(12);
        assertThat(host.batches).isGreaterThanOrEqualTo(4);
        assertThat(hal.network().droppedCount()).isZero();
        assertThat(journal().unackedCount()).isZero();
    }

    @Test
    void recordsTheHostStoredOutOfOrderAreNotSentAgain() {
        boot();
        runFor(1000);
        host.loseOnce.add(1L);
        host.loseOnce.add(2L);
        for (int i = 1; i <= 12; i++) {
            byte[] body = new TokenRedemption(100 + i, TokenRedemption.KIND_CREDIT, 0, 5000).encode();
            journal().append(UplinkRecord.TOKEN_REDEMPTION, T0 + i * 1000L, body, 0, body.length);
        }
        board.context().uplink().reportNow();
        runFor(10_000);
        assertThat(host.stored.keySet()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(host.resent).as("records sent again although acknowledged in a range").isZero();
        assertThat(host.arrivalOrder).startsWith(3L, 4L, 5L, 6L, 7L, 8L, 1L, 2L, 9L);
        assertThat(journal().unackedCount()).isZero();
    }

    private List<CommandResult> resultsAtHost() {
        List<CommandResult> out = new ArrayList<>();
        for (UplinkRecord r : host.stored.values()) {
            if (r.kind() == UplinkRecord.COMMAND_RESULT) {
                out.add((CommandResult) r.event());
            }
        }
        return out;
    }

    @Test
    void whatWasDoneWithEachCommandIsJournaledAndReachesTheHost() {
        byte[] credit = new CreditPushBody("m-1", 9, 50_000, T0).encode();
        byte[] relay = new RelayOverrideBody("m-1", RelayOverrideBody.FORCE_DISCONNECT, 0).encode();
        host.pendingCommands.add(Command.configSet(11, "report_interval", "5min"));
        host.pendingCommands.add(Command.signed(CommandType.CREDIT_PUSH, 12, sign(credit, ROGUE_KEY)));
        host.pendingCommands.add(Command.signed(CommandType.RELAY_OVERRIDE, 13, sign(relay, ISSUER_KEY)));
        boot();
        runFor(5000);
        List<CommandResult> results = resultsAtHost();
        assertThat(results).extracting(CommandResult::commandId).containsExactly(11L, 12L, 13L);
        assertThat(results.get(0).applied()).isTrue();
        assertThat(results.get(1).reason()).isEqualTo("bad-signature");
        assertThat(results.get(2).reason()).isEqualTo("app code 4");
        assertThat(host.stored.firstEntry().getValue().occurredAtMs()).isBetween(host.hostTimeMs, host.hostTimeMs + 5000);
        assertThat(journal().unackedCount()).isZero();
        host.pendingCommands.add(Command.configSet(11, "report_interval", "5min"));
        redemption(101, T0 + 1000);
        runFor(5000);
        assertThat(resultsAtHost()).as("a command id is acted on and reported once").hasSize(3);
    }

    @Test
    void aRebootBeforeTheResultWentUpDoesNotApplyTheCommandAgain() {
        boot();
        runFor(1000);
        hostGoesDownOnCommand = true;
        host.pendingCommands.add(Command.configSet(21, "tariff_bands", "0:100"));
        redemption(101, T0 + 1000);
        runFor(5000);
        assertThat(commands).hasSize(1);
        assertThat(resultsAtHost()).isEmpty();
        hal.clock().forgetWallTime();
        hostGoesDownOnCommand = false;
        host.down = false;
        host.pendingCommands.add(Command.configSet(21, "tariff_bands", "0:100"));
        boot();
        runFor(5000);
        assertThat(commands).as("applied once, across the reboot").hasSize(1);
        assertThat(resultsAtHost()).extracting(CommandResult::commandId).containsExactly(21L);
        assertThat(journal().unackedCount()).isZero();
    }

    byte[] sign(byte[] payload, byte[] key) {
        return CoseSign1.sign(payload, new Signer() {
            @Override
            public byte[] keyId() {
                return ISSUER_KID.clone();
            }

            @Override
            public byte[] sign(byte[] message) {
                return hal.crypto().simulatedSign(key, message);
            }
        }).encode();
    }
}
