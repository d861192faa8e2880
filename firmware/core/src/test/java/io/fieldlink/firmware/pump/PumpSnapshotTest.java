package io.fieldlink.firmware.pump;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.uplink.FakeHost;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.record.TokenRedemption;
import io.fieldlink.protocol.record.UplinkRecord;
import org.junit.jupiter.api.Test;

/**
 * Verifies that the pump's used-booking memory and the uplink's acknowledged head share the journal's
 * one committed snapshot without clobbering each other, and that a power cut at any byte of a scan's
 * commit and the acknowledgements after it never lets a token that authorised a fill (or that the
 * host was told was accepted) be used again after the reboot.
 */
class PumpSnapshotTest {
    MemoryHal hal;
    FakeHost host;
    PumpApp app;
    Board board;

    void rig() {
        hal = new MemoryHal();
        host = new FakeHost(hal.network());
        host.hostTimeMs = Tokens.SLOT_START + 60_000;
        app = new PumpApp();
        hal.sensors().set("flow_pulses", 0).set("dispensed_mass", 0).set("storage_pressure", 2000).set("nozzle", 0);
        hal.actuators().add("valve").add("buzzer");
        Settings s = new Settings(hal.storage().area("settings"));
        s.put("config.station_code", "ST01");
        s.put("config.issuer_keys", Hex.encode(Tokens.ISSUER.keyId()) + ":" + Hex.encode(Tokens.ISSUER.publicKey()));
        s.commit();
        board = Board.builder().definition(BoardLoader.builtIn("pump")).app(app).deviceId("p-1").clock(hal.clock())
                .storage(hal.storage()).transport(hal.network()).console(hal.console()).sensors(hal.sensors())
                .actuators(hal.actuators()).crypto(new JvmHalCrypto()).log(hal.log())
                .uplink(new CoapUplinkFactory(new IssuerKeys(), new UplinkOptions().debounceMillis(200)
                        .backoffBaseMillis(1_000).backoffCapMillis(2_000)))
                .systemReset(hal.reset()).build();
        hal.reset().onReset(() -> {
            hal.storage().restorePower();
            hal.clock().forgetWallTime();
            board.boot();
        });
        board.boot();
    }

    void run(long ms) {
        host.runWith(board, hal.clock(), ms);
    }

    String type(String line) {
        hal.console().takeOutput();
        hal.console().type(line);
        return hal.console().lastLine();
    }

    long acceptedAtHost() {
        return host.stored.values().stream().filter(r -> r.kind() == UplinkRecord.TOKEN_REDEMPTION)
                .filter(r -> ((TokenRedemption) r.event()).accepted()).count();
    }

    @Test
    void acknowledgementsKeepTheUsedTokensAndTheUsedTokensKeepTheAcknowledgements() {
        rig();
        run(2_000);
        type("mode machine");
        type("login 4711");
        String token = Tokens.token(5, 1_000);
        assertThat(type("scan " + token)).startsWith("OK booking=5");
        type("stop");
        run(10_000);
        assertThat(acceptedAtHost()).isEqualTo(1);
        assertThat(board.context().journal().unackedCount()).isZero();
        long acked = board.context().journal().firstUnackedSeq();

        board.reboot();
        run(2_000);
        type("mode machine");
        type("login 4711");
        assertThat(type("scan " + token)).as("the acknowledgements kept the used-token memory").startsWith("ERR replayed");
        assertThat(board.context().journal().firstUnackedSeq()).as("the used-token commit kept the acknowledgements")
                .isGreaterThanOrEqualTo(acked);
    }

    @Test
    void aPowerCutAtAnyByteOfAScanNeverLetsItsTokenBeUsedTwice() {
        int remembered = 0;
        int forgotten = 0;
        for (int cut = 0; cut < 300; cut += 3) {
            rig();
            run(2_000);
            type("mode machine");
            type("login 4711");
            String token = Tokens.token(6, 1_000);
            hal.storage().cutPowerAfter(cut);
            type("scan " + token);
            boolean authorised = hal.actuators().get("valve") == 1 || app.station().state() != DispenseState.IDLE;
            run(10_000);
            int resets = hal.reset().resets();
            hal.storage().restorePower();
            run(10_000);

            assertThat(resets).as("cut %d", cut).isLessThanOrEqualTo(1);
            type("mode machine");
            type("login 4711");
            type("stop");
            String again = type("scan " + token);
            if (authorised || acceptedAtHost() > 0) {
                assertThat(again).as("cut %d: a token that authorised a fill is never accepted again", cut)
                        .startsWith("ERR replayed");
            }
            if (again.startsWith("ERR replayed")) {
                remembered++;
            } else {
                forgotten++;
            }
            run(10_000);
            assertThat(host.stored.lastKey()).as("cut %d: no seq lost or doubled", cut).isEqualTo((long) host.stored.size());
        }
        assertThat(remembered).isPositive();
        assertThat(forgotten).as("cuts before the used-token commit").isPositive();
    }
}
