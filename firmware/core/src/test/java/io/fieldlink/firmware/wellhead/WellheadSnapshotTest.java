package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.uplink.FakeHost;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.firmware.wellhead.modbus.MemoryModbusSlave;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import io.fieldlink.protocol.record.ShutIn;
import io.fieldlink.protocol.record.UplinkRecord;
import org.junit.jupiter.api.Test;

/**
 * Verifies that the wellhead's latch and the uplink's acknowledged head share the journal's one
 * committed snapshot without clobbering each other: acknowledgements keep the latch, the latch keeps
 * the acknowledgements, and a power cut at any byte of the trip's commit or of the acknowledgements
 * after it leaves a board that is shut in whenever the host was told so, with nothing lost or doubled.
 */
class WellheadSnapshotTest {
    MemoryHal hal;
    FakeHost host;
    MemoryModbusSlave slave;
    Board board;

    void rig() {
        hal = new MemoryHal();
        host = new FakeHost(hal.network());
        slave = new MemoryModbusSlave().addUnit(1);
        hal.actuators().add("shutin_valve");
        tubing(5_000);
        slave.set(RegisterKind.HOLDING, 1, 1, 3_000).set(RegisterKind.INPUT, 1, 2, 250)
                .set32(RegisterKind.INPUT, 1, 10, 1_000).set32(RegisterKind.INPUT, 1, 12, 100_000)
                .set32(RegisterKind.INPUT, 1, 14, 200);
        board = Board.builder().definition(BoardLoader.builtIn("wellhead")).app(new WellheadApp(slave)).deviceId("w-1")
                .clock(hal.clock()).storage(hal.storage()).transport(hal.network()).console(hal.console())
                .sensors(hal.sensors()).actuators(hal.actuators()).crypto(hal.crypto()).log(hal.log())
                .uplink(new CoapUplinkFactory(new IssuerKeys(), new UplinkOptions().debounceMillis(200)
                        .reportIntervalMillis(5_000).backoffBaseMillis(1_000).backoffCapMillis(2_000)))
                .systemReset(hal.reset()).build();
        hal.reset().onReset(() -> {
            hal.storage().restorePower();
            hal.clock().forgetWallTime();
            tubing(5_000); // the pressure is back in range when the board comes up again
            board.boot();
        });
        board.boot();
    }

    void tubing(int kpa) {
        slave.set(RegisterKind.HOLDING, 1, 0, kpa);
    }

    void run(long ms) {
        host.runWith(board, hal.clock(), ms);
    }

    boolean latched() {
        return LatchSnapshot.latched(board.context().journal());
    }

    long shutInsAtHost(boolean latchedState) {
        return host.stored.values().stream().filter(r -> r.kind() == UplinkRecord.SHUT_IN)
                .filter(r -> ((ShutIn) r.event()).isLatched() == latchedState).count();
    }

    @Test
    void acknowledgementsKeepTheLatchAndTheLatchKeepsTheAcknowledgements() {
        rig();
        run(3_000);
        tubing(1_000);
        run(10_000);
        assertThat(latched()).isTrue();
        assertThat(shutInsAtHost(true)).isEqualTo(1);
        long generationAfterTrip = board.context().journal().generation();
        long ackedAfterTrip = board.context().journal().firstUnackedSeq();

        tubing(5_000); // new reports, acknowledged by the host
        run(10_000);
        assertThat(board.context().journal().unackedCount()).isZero();
        assertThat(board.context().journal().firstUnackedSeq()).isGreaterThan(ackedAfterTrip);
        assertThat(board.context().journal().generation()).as("acknowledged after the trip")
                .isGreaterThan(generationAfterTrip);
        long acked = board.context().journal().firstUnackedSeq();

        board.reboot();
        run(3_000);
        assertThat(latched()).as("the acknowledgements kept the latch").isTrue();
        assertThat(hal.actuators().get("shutin_valve")).isZero();
        assertThat(board.context().journal().firstUnackedSeq()).as("the latch kept the acknowledgements")
                .isGreaterThanOrEqualTo(acked);
        assertThat(host.resent).isZero();
    }

    @Test
    void aPowerCutAtAnyByteOfTheTripAndItsAcknowledgementsLeavesAConsistentBoard() {
        int latchedAfterReboot = 0;
        int clearAfterReboot = 0;
        for (int cut = 0; cut < 400; cut += 3) {
            rig();
            run(3_000);
            tubing(1_000);
            hal.storage().cutPowerAfter(cut);
            run(15_000);
            int resets = hal.reset().resets();
            hal.storage().restorePower();
            run(20_000);

            assertThat(resets).as("cut %d", cut).isLessThanOrEqualTo(1);
            if (shutInsAtHost(true) > 0) {
                assertThat(latched()).as("cut %d: the host was told of the shut-in, so the board is shut in", cut).isTrue();
            }
            if (latched()) {
                assertThat(hal.actuators().get("shutin_valve")).isZero();
            }
            assertThat(shutInsAtHost(true)).as("cut %d: at most one latch record", cut).isLessThanOrEqualTo(1);
            assertThat(board.context().journal().unackedCount()).as("cut %d: everything reached the host", cut).isZero();
            assertThat(host.stored.firstKey()).isEqualTo(1L);
            assertThat(host.stored.lastKey()).as("cut %d: no seq lost or doubled", cut).isEqualTo((long) host.stored.size());
            if (resets == 1) {
                if (latched()) {
                    latchedAfterReboot++;
                } else {
                    clearAfterReboot++;
                }
            }
        }
        assertThat(latchedAfterReboot).as("cuts after the latch commit").isPositive();
        assertThat(clearAfterReboot).as("cuts before it").isPositive();
    }
}
