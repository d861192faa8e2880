package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.pump.JvmHalCrypto;
import io.fieldlink.firmware.wellhead.modbus.MemoryModbusSlave;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import io.fieldlink.protocol.record.ShutInResetBody;
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
