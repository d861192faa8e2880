package io.fieldlink.hil;

import io.fieldlink.hil.rig.PtyRig;
import io.fieldlink.hil.rig.Rig;
import io.fieldlink.hil.rig.RigSpec;

/**
 * The HIL suite on the pty rig: each board is a separate {@code fieldlink board} process with its
 * console on a socat pty pair and, for a board with field-bus channels (the wellhead, the pump), a j2mod
 * Modbus RTU slave on a second pair; it reaches the host through a UDP relay the rig can cut, and its
 * clock is steered over its {@code --time-warp} port.
 */
class PtyHilTest extends HilSuite {
    @Override
    Rig newRig(RigSpec spec) throws Exception {
        return new PtyRig(spec);
    }
}
