package io.fieldlink.hil;

import io.fieldlink.hil.rig.Rig;
import io.fieldlink.hil.rig.RigSpec;
import io.fieldlink.hil.rig.SerialRig;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The HIL suite on a real board (see {@code docs/hil.md}). Runs only when {@value SerialRig#CONSOLE}
 * names the console port: the one rig allowed to skip.
 */
@EnabledIfSystemProperty(named = SerialRig.CONSOLE, matches = ".+", disabledReason = "no real board configured (-Dfieldlink.hil.serial.console=PORT)")
class SerialHilTest extends HilSuite {
    @Override
    Rig newRig(RigSpec spec) throws Exception {
        return new SerialRig(spec);
    }
}
