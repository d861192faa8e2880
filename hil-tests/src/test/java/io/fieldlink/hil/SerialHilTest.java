package io.fieldlink.hil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fieldlink.hil.rig.Rig;
import io.fieldlink.hil.rig.RigSpec;
import io.fieldlink.hil.rig.SerialRig;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The HIL suite on a real board (see {@code docs/hil.md}). Runs only when {@value SerialRig#CONSOLE}
 * names the console port: the one rig allowed to skip. The board on the bench is one board
 * ({@code fieldlink.hil.serial.board}, default meter) with one id ({@code fieldlink.hil.serial.id});
 * scenarios for another board are skipped. The host listens on all interfaces at
 * {@code fieldlink.hil.serial.coapsPort} (default 5684), where the board was told its host is.
 */
@EnabledIfSystemProperty(named = SerialRig.CONSOLE, matches = ".+", disabledReason = "no real board configured (-Dfieldlink.hil.serial.console=PORT)")
class SerialHilTest extends HilSuite {
    @Override
    Rig newRig(RigSpec spec) throws Exception {
        String board = System.getProperty("fieldlink.hil.serial.board", "meter");
        assumeTrue(spec.board().equals(board), "the board on the bench is a " + board + ", not a " + spec.board());
        return new SerialRig(spec);
    }

    @Override
    String hostBindAddress() {
        return "0.0.0.0";
    }

    @Override
    int hostCoapsPort() {
        return Integer.getInteger("fieldlink.hil.serial.coapsPort", 5684);
    }

    @Override
    String deviceId(String scenarioId) {
        return System.getProperty("fieldlink.hil.serial.id", scenarioId);
    }
}
