package io.fieldlink.firmware.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.journal.JournalCursor;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.cbor.CborValue;
import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.AlarmLevel;
import io.fieldlink.protocol.record.TokenRedemption;
import io.fieldlink.protocol.record.UplinkRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PumpAppTest {
    static final BoardDefinition PUMP = BoardLoader.builtIn("pump");

    private final MemoryHal hal = new MemoryHal();
    private final PumpApp app = new PumpApp();
    private Board board;
    private long pulses;

    @BeforeEach
    void wire() {
        hal.sensors().set("flow_pulses", 0).set("dispensed_mass", 0).set("storage_pressure", 2000).set("nozzle", 0);
        hal.actuators().add("valve").add("buzzer");
        configure("station_code", "ST01");
        configure("issuer_keys", Hex.encode(Tokens.ISSUER.keyId()) + ":" + Hex.encode(Tokens.ISSUER.publicKey()));
        hal.clock().setWallMillis(Tokens.SLOT_START + 60_000);
        board = Board.builder().definition(PUMP).app(app).deviceId("p-1").clock(hal.clock()).storage(hal.storage())
                .transport(hal.network()).console(hal.console()).sensors(hal.sensors()).actuators(hal.actuators())
                .crypto(new JvmHalCrypto()).log(hal.log()).build();
    }

    private void configure(String key, String value) {
        Settings s = new Settings(hal.storage().area("settings"));
        s.put("config." + key, value);
        s.commit();
    }

    private String type(String line) {
        hal.console().takeOutput();
        hal.console().type(line);
        return hal.console().lastLine();
    }

    private void run(long ms) {
        board.loop().runUntil(hal.clock().monotonicMillis() + ms, hal.clock()::advance);
    }

    private void boot() {
        board.boot();
        type("mode machine");
        run(200);
    }

    @Test
    void bookedFillStopsAtExactlyTheBookedGramsAndIsJournalled() {
        boot();
        assertThat(type("login 4711")).startsWith("OK");
        assertThat(type("scan " + Tokens.token(7, 5_000))).isEqualTo("OK booking=7 grams=5000");
        hal.sensors().set("nozzle", 1);
        run(200);
        assertThat(hal.actuators().get("valve")).isEqualTo(1);
        while (pulses < 6_000) {
            pulses += 700;
            hal.sensors().set("flow_pulses", pulses);
            run(200);
        }
        assertThat(hal.actuators().get("valve")).isZero();
        assertThat(type("pump")).startsWith("OK state=idle fill_grams=5000 ");
        assertThat(type("sales")).startsWith("OK sales=1 grams=5000 amount_milli=425000 ");
        assertThat(saleGrams()).containsExactly(5_000L);
    }

    @Test
    void theSameTokenAfterARebootIsRefusedAsReplayed() {
        boot();
        String token = Tokens.token(8, 2_000);
        type("login 4711");
        assertThat(type("scan " + token)).startsWith("OK booking=8");
        board.reboot();
        type("mode machine");
        type("login 4711");
        assertThat(type("scan " + token)).startsWith("ERR replayed");
        assertThat(app.station().state()).isEqualTo(DispenseState.IDLE);
        assertThat(hal.actuators().get("valve")).isZero();
    }

    @Test
    void scanWithoutLoginIsRefusedAndAuthorisesNothing() {
        boot();
        assertThat(type("scan " + Tokens.token(9, 1_000))).startsWith("ERR denied");
        assertThat(app.station().state()).isEqualTo(DispenseState.IDLE);
    }

    @Test
    void aTokenFromAnUntrustedIssuerIsRefused() {
        configure("issuer_keys", "none");
        boot();
        type("login 4711");
        assertThat(type("scan " + Tokens.token(10, 1_000))).startsWith("ERR unknown-key");
    }

    @Test
    void stopEndsTheFillWithoutLoginAndJournalsTheSale() {
        boot();
        type("login 4711");
        type("scan " + Tokens.token(11, 5_000));
        type("logout");
        hal.sensors().set("nozzle", 1);
        run(200);
        hal.sensors().set("flow_pulses", 1_200);
        run(200);
        assertThat(type("stop")).isEqualTo("OK state=idle");
        assertThat(hal.actuators().get("valve")).isZero();
        assertThat(saleGrams()).containsExactly(1_200L);
    }

    @Test
    void walkInNeedsTheConfigSwitch() {
        boot();
        type("login 4711");
        assertThat(type("walkin")).startsWith("ERR refused");
        configure("walk_in", "true");
        board.reboot();
        type("mode machine");
        type("login 4711");
        assertThat(type("walkin")).isEqualTo("OK state=authorised");
    }

    @Test
    void aBadIssuerKeyEntryStopsTheBootNamingTheKey() {
        configure("issuer_keys", "abcd");
        assertThatThrownBy(board::boot).isInstanceOf(FirmwareException.class)
                .hasMessageContaining("config issuer_keys: entry 'abcd'");
    }

    /** The grams of every sale in the journal, decoded as the host decodes uplink sale records. */
    private List<Long> saleGrams() {
        List<Long> grams = new ArrayList<>();
        for (byte[] body : bodies(UplinkRecord.SALE)) {
            grams.add(io.fieldlink.protocol.record.Sale.decode(body).grams());
        }
        return grams;
    }

    private List<byte[]> bodies(int kind) {
        List<byte[]> out = new ArrayList<>();
        JournalCursor c = board.context().journal().cursor();
        byte[] buf = new byte[2048];
        while (c.next()) {
            if (c.type() == kind) {
                out.add(Arrays.copyOf(buf, c.copyPayload(buf, 0)));
            }
        }
        return out;
    }

    @Test
    void verdictsAreJournalledAsTokenRedemptions() {
        boot();
        type("login 4711");
        String token = Tokens.token(12, 3_000);
        type("scan " + token);
        type("stop");
        type("scan " + token);
        assertThat(bodies(UplinkRecord.TOKEN_REDEMPTION)).extracting(TokenRedemption::decode)
                .extracting(TokenRedemption::tokenId, TokenRedemption::kind, TokenRedemption::reasonCode,
                        TokenRedemption::amount)
                .containsExactly(tuple(12L, TokenRedemption.KIND_BOOKING, 0, 3_000L),
                        tuple(12L, TokenRedemption.KIND_BOOKING, BookingReason.REPLAYED.ordinal(), 0L));
        assertThat(bodies(UplinkRecord.SALE)).extracting(io.fieldlink.protocol.record.Sale::decode)
                .extracting(io.fieldlink.protocol.record.Sale::tokenId, io.fieldlink.protocol.record.Sale::grams)
                .containsExactly(tuple(12L, 0L));
    }

    @Test
    void lowStorageAndUnauthorisedFlowAreJournalledForTheHost() {
        boot();
        hal.sensors().set("storage_pressure", 1_400);
        hal.sensors().set("flow_pulses", 30);
        run(1_000);
        assertThat(bodies(UplinkRecord.ALARM)).extracting(Alarm::decode)
                .extracting(Alarm::channel, Alarm::level, Alarm::value, Alarm::raised)
                .containsExactly(tuple("storage_pressure", AlarmLevel.LOW, 140.0, true));
        assertThat(bodies(UplinkRecord.TELEMETRY)).singleElement()
                .satisfies(b -> assertThat(CborValue.decode(b).toString()).isEqualTo("[{0: \"unauthorised_flow\", 2: 30}]"));
    }

    /** Verifies the periodic station telemetry: storage pressure, dispensing state and the day's totals. */
    @Test
    void stationTelemetryIsJournalledEveryReportInterval() {
        configure("report_interval", "1min");
        boot();
        run(61_000);
        assertThat(bodies(UplinkRecord.TELEMETRY)).isNotEmpty().allSatisfy(b -> assertThat(CborValue.decode(b).toString())
                .isEqualTo("[{0: \"storage_pressure\", 1: \"bar\", 2: 200}, {0: \"dispense_state\", 3: \"idle\"},"
                        + " {0: \"day_grams\", 1: \"g\", 2: 0}, {0: \"day_amount\", 2: 0}, {0: \"day_sales\", 2: 0}]"));
        assertThat(bodies(UplinkRecord.TELEMETRY)).hasSize(1);
    }

    /** Verifies that the slot grace comes from the board configuration. */
    @Test
    void theSlotGraceIsConfigurable() {
        hal.clock().setWallMillis(Tokens.SLOT_START - 6 * 60_000);
        boot();
        type("login 4711");
        assertThat(type("scan " + Tokens.token(20, 1_000))).startsWith("ERR not-yet-valid");
        assertThat(type("config set slot_grace 10min")).startsWith("OK");
        board.reboot();
        type("mode machine");
        type("login 4711");
        assertThat(type("scan " + Tokens.token(21, 1_000))).isEqualTo("OK booking=21 grams=1000");
    }

    /** Verifies that events before the host set the clock are journalled with their wall time once it is set. */
    @Test
    void eventsBeforeTheWallTimeIsKnownGetTheirWallTimeOnceItIs() {
        hal.clock().forgetWallTime();
        boot();
        type("login 4711");
        long scannedAt = hal.clock().monotonicMillis();
        assertThat(type("scan " + Tokens.token(30, 1_000))).startsWith("ERR not-yet-valid");
        hal.sensors().set("storage_pressure", 1_400);
        run(1_000);
        assertThat(board.context().journal().unackedCount()).as("waiting for the wall time").isZero();

        long mono = hal.clock().monotonicMillis();
        hal.clock().setWallMillis(Tokens.SLOT_START);
        run(1_000);
        List<Long> times = new ArrayList<>();
        JournalCursor c = board.context().journal().cursor();
        while (c.next()) {
            times.add(c.time());
        }
        assertThat(times).hasSize(2).isSorted();
        assertThat(times.get(0)).as("the verdict, at its wall time").isEqualTo(Tokens.SLOT_START - (mono - scannedAt));
        assertThat(times.get(1)).isBetween(Tokens.SLOT_START - 1_000, Tokens.SLOT_START);
        assertThat(bodies(UplinkRecord.TOKEN_REDEMPTION)).singleElement()
                .satisfies(b -> assertThat(TokenRedemption.decode(b).reasonCode()).isEqualTo(6)); // not-yet-valid
        assertThat(bodies(UplinkRecord.ALARM)).hasSize(1);
    }
}
