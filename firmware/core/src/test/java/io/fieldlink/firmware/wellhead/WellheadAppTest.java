package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.pump.JvmHalCrypto;
import io.fieldlink.firmware.wellhead.modbus.MemoryModbusSlave;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import io.fieldlink.firmware.journal.JournalCursor;
import io.fieldlink.firmware.uplink.HostCommand;
import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.ShutIn;
import io.fieldlink.protocol.record.ShutInResetBody;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlCbor;
import io.fieldlink.protocol.senml.SenmlPack;
import io.fieldlink.protocol.senml.SenmlRecord;
import java.util.ArrayList;
import java.util.List;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.crypto.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WellheadAppTest {
    static final BoardDefinition WELLHEAD = BoardLoader.builtIn("wellhead");
    static final long WALL = 1_800_000_000_000L;
    static final IssuerKeyPair HOST = IssuerKeyPair.fromSeed(seed(5));
    static final IssuerKeyPair STRANGER = IssuerKeyPair.fromSeed(seed(6));

    private final MemoryHal hal = new MemoryHal();
    private final MemoryModbusSlave slave = new MemoryModbusSlave().addUnit(1);
    private final WellheadApp app = new WellheadApp(slave);
    private Board board;

    @BeforeEach
    void wire() {
        hal.actuators().add("shutin_valve");
        tubing(5_000); // 5000 kPa
        slave.set(RegisterKind.HOLDING, 1, 1, 3_000).set(RegisterKind.INPUT, 1, 2, 250)
                .set32(RegisterKind.INPUT, 1, 10, 1_000).set32(RegisterKind.INPUT, 1, 12, 100_000)
                .set32(RegisterKind.INPUT, 1, 14, 200);
        Settings s = new Settings(hal.storage().area("settings"));
        s.put("config.host_keys", Hex.encode(HOST.keyId()) + ":" + Hex.encode(HOST.publicKey()));
        s.commit();
        hal.clock().setWallMillis(WALL);
        board = Board.builder().definition(WELLHEAD).app(app).deviceId("w-1").clock(hal.clock())
                .storage(hal.storage()).transport(hal.network()).console(hal.console()).sensors(hal.sensors())
                .actuators(hal.actuators()).crypto(new JvmHalCrypto()).log(hal.log()).build();
    }

    private void tubing(int raw) {
        slave.set(RegisterKind.HOLDING, 1, 0, raw);
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
        run(1_000);
    }

    /** Ramps the tubing pressure down 1000.0 kPa a second to 1000.0 kPa, past PSL 1500 kPa. */
    private void rampBelowPsl() {
        for (int raw = 4_000; raw >= 1_000; raw -= 1_000) {
            tubing(raw);
            run(1_000);
        }
        run(3_000);
    }

    @Test
    void aPressureRampTripsTheShutInAndOnlyALoggedInResetWithClearedPressureReopens() {
        boot();
        assertThat(hal.actuators().get("shutin_valve")).isEqualTo(1);
        assertThat(type("well")).startsWith("OK tubing_pressure=5000000 casing_pressure=3000000 temperature=25000 ");

        rampBelowPsl();
        assertThat(hal.actuators().get("shutin_valve")).isZero();
        assertThat(type("shutin")).isEqualTo("OK latched=1 valve=closed");
        assertThat(type("well")).contains(" tubing_pressure_alarm=L+LL ").contains(" alarms=1 ");

        assertThat(type("shutin reset")).startsWith("ERR denied");
        type("login 4711");
        assertThat(type("shutin reset")).startsWith("ERR condition-present");
        assertThat(hal.actuators().get("shutin_valve")).isZero();

        tubing(5_000);
        run(2_000);
        assertThat(hal.actuators().get("shutin_valve")).isZero();
        assertThat(type("shutin reset")).isEqualTo("OK latched=0 valve=open");
        assertThat(hal.actuators().get("shutin_valve")).isEqualTo(1);
    }

    /** Verifies that a Modbus fault marks the channel faulty on the console and counts as an alarm, and the board goes on. */
    @Test
    void aModbusFaultShowsOnTheConsoleAndTheBoardGoesOn() {
        boot();
        slave.fail(1, io.fieldlink.firmware.wellhead.modbus.ModbusStatus.CRC_ERROR);
        run(2_000);
        assertThat(type("well")).startsWith("OK tubing_pressure=fault casing_pressure=fault ").contains(" alarms=6 ");
        assertThat(board.running()).isTrue();
        slave.heal(1);
        run(2_000);
        assertThat(type("well")).startsWith("OK tubing_pressure=5000000 ").contains(" alarms=0 ");
        assertThat(journalRecords()).filteredOn(r -> r[2] instanceof SenmlPack
                && ((SenmlPack) r[2]).get(0).name().equals("tubing_pressure_fault"))
                .extracting(r -> ((SenmlPack) r[2]).get(0).stringValue()).containsExactly("crc-error", "ok");
    }

    /** Verifies the high side: the shipped board file reads pressures up to PSH (13,800 kPa) and trips there. */
    @Test
    void anOverpressureRampTripsThePshShutIn() {
        boot();

        for (int raw = 9_000; raw <= 15_000; raw += 1_000) {
            tubing(raw);
            run(1_000);
        }
        run(3_000);

        assertThat(hal.actuators().get("shutin_valve")).isZero();
        assertThat(type("shutin")).isEqualTo("OK latched=1 valve=closed");
    }

    @Test
    void theLatchSurvivesAReboot() {
        boot();
        rampBelowPsl();
        tubing(5_000);
        board.reboot();
        type("mode machine");
        run(3_000);
        assertThat(hal.actuators().get("shutin_valve")).isZero();
        assertThat(type("shutin")).isEqualTo("OK latched=1 valve=closed");
        type("login 4711");
        assertThat(type("shutin reset")).isEqualTo("OK latched=0 valve=open");

        board.reboot();
        type("mode machine");
        run(2_000);
        assertThat(type("shutin")).isEqualTo("OK latched=0 valve=open");
    }

    @Test
    void aHostSignedResetIsAcceptedOnceAndForgeriesAreRefused() {
        boot();
        rampBelowPsl();
        tubing(5_000);
        run(2_000);
        long now = hal.clock().wallMillis();
        assertThat(app.applySignedReset(signed(STRANGER, HOST.keyId(), "w-1", now)))
                .isEqualTo(ResetOutcome.REFUSED_UNAUTHORISED);
        assertThat(app.applySignedReset(signed(HOST, HOST.keyId(), "w-2", now)))
                .isEqualTo(ResetOutcome.REFUSED_UNAUTHORISED);
        assertThat(app.applySignedReset(signed(HOST, HOST.keyId(), "w-1", now - 600_000)))
                .isEqualTo(ResetOutcome.REFUSED_UNAUTHORISED);
        assertThat(app.applySignedReset(new byte[] {1, 2, 3})).isEqualTo(ResetOutcome.REFUSED_UNAUTHORISED);
        assertThat(hal.actuators().get("shutin_valve")).isZero();

        byte[] reset = signed(HOST, HOST.keyId(), "w-1", now);
        assertThat(app.applySignedReset(reset)).isEqualTo(ResetOutcome.RESET);
        assertThat(hal.actuators().get("shutin_valve")).isEqualTo(1);

        tubing(1_000);
        run(4_000);
        tubing(5_000);
        run(2_000);
        assertThat(app.applySignedReset(reset)).isEqualTo(ResetOutcome.REFUSED_UNAUTHORISED);
        assertThat(hal.actuators().get("shutin_valve")).isZero();
    }

    /** Verifies that the journal holds only protocol uplink records: readings, alarms, the shut-in latched and reset. */
    @Test
    void readingsAlarmsAndTheShutInAreJournalledAsProtocolRecords() {
        boot();
        rampBelowPsl();
        tubing(5_000);
        run(2_000);
        type("login 4711");
        assertThat(type("shutin reset")).isEqualTo("OK latched=0 valve=open");

        List<Object[]> records = journalRecords();
        assertThat(records).extracting(r -> (Integer) r[0]).containsOnly(UplinkRecord.TELEMETRY, UplinkRecord.ALARM,
                UplinkRecord.SHUT_IN);
        assertThat(records).filteredOn(r -> r[2] instanceof SenmlPack)
                .anySatisfy(r -> {
                    SenmlRecord first = ((SenmlPack) r[2]).get(0);
                    assertThat(first.name()).isEqualTo("tubing_pressure");
                    assertThat(first.unit()).isEqualTo("kPa");
                    assertThat(first.value()).isEqualTo(5_000.0);
                    assertThat((Long) r[1]).isBetween(WALL, WALL + 1_000);
                });
        assertThat(records).filteredOn(r -> r[2] instanceof Alarm).extracting(r -> (Alarm) r[2])
                .extracting(Alarm::channel, Alarm::level, Alarm::raised)
                .contains(tuple("tubing_pressure", io.fieldlink.protocol.record.AlarmLevel.LOW, true),
                        tuple("tubing_pressure", io.fieldlink.protocol.record.AlarmLevel.LOW_LOW, true));
        List<ShutIn> shutIns = records.stream().filter(r -> r[2] instanceof ShutIn).map(r -> (ShutIn) r[2]).toList();
        assertThat(shutIns).hasSize(2);
        assertThat(shutIns.get(0).isLatched()).isTrue();
        assertThat(shutIns.get(0).cause()).isEqualTo(ShutIn.CAUSE_PSL);
        assertThat(shutIns.get(0).valueKpa()).isLessThanOrEqualTo(1_500.0);
        assertThat(shutIns.get(1).isLatched()).isFalse();
        assertThat(shutIns.get(1).cause()).isEqualTo(ShutIn.CAUSE_PSL);
        assertThat(shutIns.get(1).valueKpa()).isEqualTo(shutIns.get(0).valueKpa());
        assertThat(shutIns.get(1).by()).isEqualTo("console");
    }

    /** Verifies that a reset after a reboot still names the trip it resets (cause and pressure from the snapshot). */
    @Test
    void aResetAfterARebootNamesTheLatchedTrip() {
        boot();
        for (int raw = 9_000; raw <= 15_000; raw += 1_000) {
            tubing(raw);
            run(1_000);
        }
        run(3_000);
        tubing(5_000);
        board.reboot();
        type("mode machine");
        run(2_000);
        type("login 4711");
        assertThat(type("shutin reset")).isEqualTo("OK latched=0 valve=open");
        List<ShutIn> shutIns = journalRecords().stream().filter(r -> r[2] instanceof ShutIn).map(r -> (ShutIn) r[2])
                .toList();
        assertThat(shutIns).hasSize(2);
        assertThat(shutIns.get(1).isLatched()).isFalse();
        assertThat(shutIns.get(1).cause()).isEqualTo(ShutIn.CAUSE_PSH);
        assertThat(shutIns.get(1).valueKpa()).isEqualTo(shutIns.get(0).valueKpa()).isGreaterThanOrEqualTo(13_800.0);
    }

    /**
     * Verifies that the safety logic runs before the host has set the clock, and that what happened
     * meanwhile is journalled with its true wall time once the clock is set (no gas days from 1970).
     */
    @Test
    void eventsBeforeTheWallTimeIsKnownAreJournalledWithTheirWallTimeOnceItIs() {
        hal.clock().forgetWallTime();
        board.boot();
        type("mode machine");
        run(1_000);
        assertThat(hal.actuators().get("shutin_valve")).as("valve opens on in-range pressure without wall time").isEqualTo(1);
        rampBelowPsl();
        assertThat(hal.actuators().get("shutin_valve")).as("PSL trips without wall time").isZero();
        assertThat(board.context().journal().unackedCount()).as("records wait for the wall time").isZero();

        long mono = hal.clock().monotonicMillis();
        hal.clock().setWallMillis(WALL);
        run(1_000);

        List<Object[]> records = journalRecords();
        assertThat(records).isNotEmpty();
        assertThat(records).extracting(r -> (Long) r[1]).isSorted().allSatisfy(t -> assertThat(t)
                .isBetween(WALL - mono, WALL + 1_000));
        assertThat(records.get(0)[1]).as("the first readings at boot, monotonic 0").isEqualTo(WALL - mono);
        assertThat(records).filteredOn(r -> r[2] instanceof ShutIn).hasSize(1);
        assertThat(records).filteredOn(r -> r[2] instanceof SenmlPack && ((SenmlPack) r[2]).get(0).name().startsWith("daily_"))
                .isEmpty();
    }

    /** Verifies the host's signed shut-in reset command (already verified by the uplink's gate). */
    @Test
    void aSignedShutInResetHostCommandReopensTheValveOnce() {
        boot();
        rampBelowPsl();
        tubing(5_000);
        run(2_000);
        WellheadHostCommands commands = new WellheadHostCommands(app);
        long now = hal.clock().wallMillis();
        byte[] body = new ShutInResetBody("w-1", "tech-9", now, 1).encode();
        assertThat(commands.onCommand(new HostCommand(1, "shutin-reset", body, false)))
                .isEqualTo(WellheadHostCommands.UNSUPPORTED);
        assertThat(commands.onCommand(new HostCommand(2, "shutin-reset",
                new ShutInResetBody("w-2", "tech-9", now, 1).encode(), true))).isEqualTo(WellheadHostCommands.REFUSED);
        assertThat(commands.onCommand(new HostCommand(3, "shutin-reset",
                new ShutInResetBody("w-1", "tech-9", now - 600_000, 1).encode(), true))).isEqualTo(WellheadHostCommands.REFUSED);
        assertThat(commands.onCommand(new HostCommand(4, "shutin-reset", new byte[] {1, 2}, true)))
                .isEqualTo(WellheadHostCommands.REFUSED);
        assertThat(commands.onCommand(new HostCommand(5, "tariff", body, true))).isEqualTo(WellheadHostCommands.UNSUPPORTED);
        assertThat(hal.actuators().get("shutin_valve")).isZero();

        assertThat(commands.onCommand(new HostCommand(6, "shutin-reset", body, true))).isZero();
        assertThat(hal.actuators().get("shutin_valve")).isEqualTo(1);
        ShutIn reset = (ShutIn) journalRecords().stream().filter(r -> r[2] instanceof ShutIn).reduce((a, b) -> b)
                .orElseThrow()[2];
        assertThat(reset.by()).isEqualTo("tech-9");

        rampBelowPsl();
        tubing(5_000);
        run(2_000);
        assertThat(commands.onCommand(new HostCommand(7, "shutin-reset", body, true)))
                .as("a replayed reset").isEqualTo(WellheadHostCommands.REFUSED);
        assertThat(hal.actuators().get("shutin_valve")).isZero();
    }

    /** @return every journalled record as {kind, time, decoded body} */
    private List<Object[]> journalRecords() {
        JournalCursor c = board.context().journal().cursor();
        List<Object[]> out = new ArrayList<>();
        while (c.next()) {
            byte[] p = new byte[c.payloadLength()];
            c.copyPayload(p, 0);
            Object body = switch (c.type()) {
                case UplinkRecord.TELEMETRY -> SenmlCbor.decode(p);
                case UplinkRecord.ALARM -> Alarm.decode(p);
                case UplinkRecord.SHUT_IN -> ShutIn.decode(p);
                default -> throw new AssertionError("non-protocol record kind " + c.type());
            };
            out.add(new Object[] {c.type(), c.time(), body});
        }
        return out;
    }

    static byte[] signed(IssuerKeyPair signer, byte[] kid, String device, long issuedMs) {
        byte[] payload = new ShutInResetBody(device, "tech-7", issuedMs, 1).encode();
        return CoseSign1.sign(payload, new io.fieldlink.protocol.cose.Signer() {
            @Override
            public byte[] keyId() {
                return kid;
            }

            @Override
            public byte[] sign(byte[] message) {
                return signer.sign(message);
            }
        }).encode();
    }

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return s;
    }
}
