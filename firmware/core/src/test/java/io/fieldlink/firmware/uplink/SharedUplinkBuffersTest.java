package io.fieldlink.firmware.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.kernel.Readings;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.protocol.memory.BufferPool;
import io.fieldlink.protocol.record.TokenRedemption;
import io.fieldlink.protocol.record.UplinkRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Boards on one event-loop thread borrow their uplink exchanges' memory from one pool (as in the
 * simulator): neither corrupts the other's exchange, an idle board holds none of it, and an exchange
 * dropped by a power cut gives its buffers back.
 */
class SharedUplinkBuffersTest {
    static final long T0 = 1_700_000_000_000L;

    final BufferPool pool = new BufferPool();

    /** One board on its own in-memory HAL and fake host, borrowing from the shared pool. */
    final class Rig {
        final MemoryHal hal = new MemoryHal();
        final FakeHost host = new FakeHost(hal.network());
        final CoapUplinkFactory factory = new CoapUplinkFactory(new IssuerKeys(),
                new UplinkOptions().debounceMillis(1000).backoffBaseMillis(5_000).maxBatchRecords(8));
        final String id;
        Board board;

        Rig(String id) {
            this.id = id;
            hal.actuators().add("relay").add("buzzer");
        }

        void boot() {
            hal.sensors().set("voltage", 2300).set("current", 5000).set("power_factor", 950).set("frequency", 5000)
                    .set("active_power", 1100).set("energy", 0).set("tamper", 0);
            board = Board.builder().definition(BoardLoader.builtIn("meter")).app(idleApp()).deviceId(id)
                    .clock(hal.clock()).storage(hal.storage()).transport(hal.network()).console(hal.console())
                    .sensors(hal.sensors()).actuators(hal.actuators()).crypto(hal.crypto()).log(hal.log())
                    .uplink(factory).buffers(pool).samplePeriodMillis(60_000).build();
            board.boot();
        }

        void redemptions(long firstToken, int n) {
            for (int i = 0; i < n; i++) {
                byte[] body = new TokenRedemption(firstToken + i, TokenRedemption.KIND_CREDIT, TokenRedemption.ACCEPTED,
                        5000).encode();
                board.context().journal().append(UplinkRecord.TOKEN_REDEMPTION, T0 + i, body, 0, body.length);
            }
            board.context().uplink().reportNow();
        }

        List<Long> storedTokens() {
            List<Long> ids = new ArrayList<>();
            for (UplinkRecord r : host.stored.values()) {
                ids.add(((TokenRedemption) r.event()).tokenId());
            }
            return ids;
        }

        int unacked() {
            return board.context().journal().unackedCount();
        }
    }

    static BoardApp idleApp() {
        return new BoardApp() {
            @Override
            public void boot(BoardContext context) {
            }

            @Override
            public void sampleTick(BoardContext context, Readings readings) {
            }

            @Override
            public void shutdown(BoardContext context) {
            }
        };
    }

    static List<Long> range(long first, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(first + i);
        }
        return out;
    }

    @Test
    void twoBoardsOnOnePoolSendTheirOwnRecordsWhileBothHaveExchangesInFlight() {
        Rig a = new Rig("m-a");
        Rig b = new Rig("m-b");
        a.boot();
        b.boot();
        a.host.serve();
        b.host.serve();
        a.redemptions(100, 20);
        b.redemptions(500, 20);
        int mostLent = 0;
        for (int round = 0; round < 100 && (a.unacked() > 0 || b.unacked() > 0); round++) {
            a.hal.clock().advance(1000);
            b.hal.clock().advance(1000);
            a.board.loop().runDue();
            b.board.loop().runDue();
            mostLent = Math.max(mostLent, pool.lent());
            a.host.serve();
            b.host.serve();
        }
        assertThat(mostLent).as("both boards had an exchange in flight on the one pool").isEqualTo(2);
        assertThat(a.storedTokens()).isEqualTo(range(100, 20));
        assertThat(b.storedTokens()).isEqualTo(range(500, 20));
        assertThat(a.host.batches).isGreaterThan(2);
        assertThat(a.host.resent + b.host.resent).isZero();
        assertThat(pool.lent()).as("idle boards hold no exchange memory").isZero();
        assertThat(a.factory.last().exchangesInFlight()).isZero();
    }

    @Test
    void anExchangeCutByAPowerLossGivesItsBuffersBackAndTheRecordsStillArriveOnce() {
        Rig a = new Rig("m-a");
        a.boot();
        a.host.serve();
        a.host.down = true;
        a.redemptions(100, 5);
        a.hal.clock().advance(1000);
        a.board.loop().runDue();
        a.host.serve();
        assertThat(a.factory.last().exchangesInFlight()).isEqualTo(1);
        assertThat(pool.lent()).as("the unanswered request's wire bytes").isEqualTo(1);

        a.hal.storage().cutPowerAfter(0); // the board dies as it stands; its binding drops it
        a.factory.last().abandon();
        assertThat(pool.lent()).isZero();

        a.hal.storage().restorePower();
        a.hal.clock().forgetWallTime();
        a.host.down = false;
        a.boot();
        a.host.runWith(a.board, a.hal.clock(), 60_000);
        assertThat(a.storedTokens()).isEqualTo(range(100, 5));
        assertThat(a.unacked()).isZero();
        assertThat(pool.lent()).isZero();
    }
}
