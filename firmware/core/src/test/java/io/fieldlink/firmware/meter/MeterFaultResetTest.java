package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.protocol.token.TokenClaims;
import io.fieldlink.protocol.token.TokenText;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.TrustedKeys;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Verifies the kernel's fault path on a meter board: a storage failure (power cut at any of many
 * byte offsets of the next writes) in the middle of a step is not swallowed; the board resets through
 * the HAL's system reset and comes back with the last committed state, the money identity intact and
 * no credit lost or doubled.
 */
class MeterFaultResetTest {
    static final IssuerKeyPair ISSUER = IssuerKeyPair.fromSeed(fill(1));
    static final long CREDIT = 5_000_000;

    final MemoryHal hal = new MemoryHal();
    final MeterConfig config = MeterConfig.builder(Tariff.builder(1).band(WeekMask.EVERY_DAY, 0, 24, 100_000).build())
            .persistIntervalMillis(10_000).build();
    final MeterApp app = new MeterApp(config, new TokenVerifier(BouncyCastleCrypto.INSTANCE,
            new TrustedKeys().add(ISSUER.keyId(), ISSUER.publicKey())), 3_600_000);
    Board board;
    PrepaidLedger committedAtFault;

    @Test
    void aStorageFailureMidStepResetsTheBoardToItsLastCommittedState() {
        hal.actuators().add("relay").add("buzzer");
        hal.sensors().set("voltage", 2300).set("current", 21_700).set("power_factor", 1000).set("frequency", 5000)
                .set("active_power", 5_000).set("energy", 0).set("tamper", 0);
        hal.clock().setWallMillis(1_800_000_000_000L);
        board = Board.builder().definition(BoardLoader.builtIn("meter")).app(app).deviceId("m-1")
                .clock(hal.clock()).storage(hal.storage()).transport(hal.network()).console(hal.console())
                .sensors(hal.sensors()).actuators(hal.actuators()).crypto(hal.crypto()).log(hal.log())
                .systemReset(hal.reset()).samplePeriodMillis(1000).build();
        hal.reset().onReset(() -> {
            committedAtFault = committedLedger();
            hal.storage().restorePower();
            board.boot();
        });
        board.boot();
        run(2_000);
        assertThat(board.context().shell().execute("login 4711").failed()).isFalse();
        assertThat(board.context().shell().execute("credit " + TokenText.encode(TokenClaims.credit("m-1", 1, CREDIT),
                ISSUER)).failed()).isFalse();

        for (int cut = 0; cut < 600; cut += 13) {
            int resets = hal.reset().resets();
            PrepaidLedger before = app.meter().ledger(new PrepaidLedger());
            hal.storage().cutPowerAfter(cut);
            for (int s = 0; s < 600 && hal.reset().resets() == resets; s++) {
                run(1_000);
            }
            assertThat(hal.reset().resets()).as("cut %d resets the board; log %s", cut, String.join("\n", hal.log().entries()))
                    .isEqualTo(resets + 1);
            assertThat(hal.reset().lastReason()).contains("power lost");
            assertThat(board.running()).isTrue();
            assertThat(hal.storage().powered()).isTrue();
            run(1_000);

            PrepaidLedger after = app.meter().ledger(new PrepaidLedger());
            assertThat(after.isBalanced()).as("cut %d: identity %s", cut, after).isTrue();
            assertThat(after.creditIn()).as("cut %d: no credit lost or doubled", cut).isEqualTo(CREDIT);
            assertThat(after.creditIn() + after.emergencyAdvanced() - after.emergencyRepaid() - after.charges())
                    .isEqualTo(after.balance());
            assertThat(committedAtFault.charges()).as("cut %d: came back from the last committed state", cut)
                    .isLessThanOrEqualTo(after.charges()).isGreaterThanOrEqualTo(before.charges() - 60_000);
            assertThat(after.charges() - committedAtFault.charges()).as("only the seconds since the reboot (5 kW at"
                    + " 100 per kWh: about 139 milli-units a second)").isBetween(0L, 300L);
        }
        assertThat(board.faults()).isEqualTo(hal.reset().resets());
    }

    private PrepaidLedger committedLedger() {
        Journal j = Journal.open(hal.storage().area("journal"), hal.storage().area("snapshot"));
        byte[] buf = new byte[MeterSnapshot.MAX_SIZE];
        int n = j.readState(buf, 0);
        return MeterSnapshot.decode(buf, n).ledger;
    }

    private void run(long ms) {
        board.loop().runUntil(hal.clock().monotonicMillis() + ms, hal.clock()::advance);
    }

    static byte[] fill(int v) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) v);
        return b;
    }
}
