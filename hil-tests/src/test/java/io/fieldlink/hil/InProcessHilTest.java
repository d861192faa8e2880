package io.fieldlink.hil;

import io.fieldlink.hil.rig.InProcessRig;
import io.fieldlink.hil.rig.Rig;
import io.fieldlink.hil.rig.RigSpec;

/**
 * The HIL suite on the in-process rig: the firmware core on the simulated HAL, real DTLS to the real
 * host; the rig's clock jumps and its network switch are in-memory ({@link InProcessRig#passTime},
 * {@link InProcessRig#network}).
 */
class InProcessHilTest extends HilSuite {
    @Override
    Rig newRig(RigSpec spec) {
        return new InProcessRig(spec);
    }
}
